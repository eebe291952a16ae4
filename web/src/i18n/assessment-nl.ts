/**
 * The texts of the assessment wizard's steps, its summary, the questions added in issue 11 and the
 * workflow page's new parts, in Dutch. Kept apart from nl.ts like footage-nl.ts; nl.ts includes
 * them as `assessmentUi`.
 */
export const assessmentNl = {
  steps: {
    measure: 'Maatregel en reikwijdte',
    purpose: 'Doel',
    basis: 'Grondslag',
    evidence: 'Bewijs van het risico',
    alternatives: 'Lichtere maatregelen',
    safeguards: 'Waarborgen',
    dpia: 'DPIA en betrokkenen',
    review: 'Controleren en opslaan',
  },
  stepsNav: 'Stappen van de afweging',
  stepOf: (n: number, total: number) => `Stap ${n} van ${total}`,
  next: (step: string) => `Volgende: ${step}`,
  back: (step: string) => `Vorige: ${step}`,
  noLighter: 'Dit is de lichtste maatregel: er zijn geen lichtere maatregelen om af te wegen.',
  reviewIntro:
    'Hieronder staan het oordeel en alle bevindingen. Sla de afweging op als concept; daarna volgen op de pagina van de afweging het advies van de FG, de zienswijzen, het oordeel over open punten en het besluit.',
  summary: 'Oordeel tot nu toe',
  blocking: 'Wat blokkeert',
  nothingBlocks: 'Niets blokkeert.',
  open: 'Nog te regelen',
  nothingOpen: 'Er staan geen voorwaarden open.',
  inStep: (step: string) => `wijzigen in stap ${step}`,
  afterSaving:
    'wordt na het opslaan vastgelegd op de pagina van de afweging (advies, zienswijzen of oordeel)',
  unanswered: 'Nog niet beantwoord.',
  yes: 'Ja',
  no: 'Nee',
  conditionsAccess: 'Krijgt iemand die de maatregel weigert de dienst dan niet?',
  conditionsAccessHint:
    'Bijvoorbeeld: wie de camera weigert, krijgt geen gesprek over zijn uitkering. Bij “Ja” is de maatregel niet toegestaan: niemand mag een dienst mislopen omdat hij bezwaar heeft tegen een camera.',
  conditionsAccessYes: 'Ja, wie weigert krijgt de dienst niet',
  conditionsAccessNo: 'Nee, de dienst gaat gewoon door',
  objection: 'Gaat de opname direct uit als de inwoner bezwaar maakt?',
  objectionHint:
    'Bij “Nee” is de maatregel niet toegestaan. Zolang de vraag niet is beantwoord, blijft het een voorwaarde.',
  objectionYes: 'Ja, de medewerker zet de opname direct uit',
  objectionNo: 'Nee, de opname loopt door',
  letter: 'Tekst over de camera in de uitnodigingsbrief',
  letterHint:
    'De alinea die inwoners vooraf in hun uitnodiging lezen: dat er een camera is, wanneer die opneemt en waar zij meer kunnen lezen.',
  letterSource: 'AVG art. 13 (TRN-1)',
  priorConsultation: 'Datum raadpleging Autoriteit Persoonsgegevens',
  priorConsultationHint: 'Verplicht bij een hoog restrisico, vóór de start.',
  reviewDate: 'Herzieningsdatum (nodig voor goedkeuring)',
  reviewDateHint:
    'Uiterlijk wanneer wordt de afweging opnieuw bekeken? U kunt het concept zonder datum opslaan, maar goedkeuren kan alleen met een datum in de toekomst.',
  titleEditDraft: (n: number) => `Afweging wijzigen (u past het concept van versie ${n} aan)`,
  titleEditNew: (n: number) => `Afweging wijzigen (wordt versie ${n})`,
  leave: 'U hebt antwoorden die nog niet zijn opgeslagen. Weggaan en ze weggooien?',
  withdrawOpen: 'Afweging intrekken…',
  withdrawConfirm: 'Ja, intrekken',
  withdrawWarning:
    'Intrekken zet direct uit wat deze afweging toestond (bijvoorbeeld opnemen in deze kamers). Dat kan niet ongedaan worden gemaakt; daarvoor is een nieuwe afweging nodig.',
  withdrawCancel: 'Niet intrekken',
  version: (n: number) => `Versie ${n}`,
  versionOf: (title: string, n: number) => `${title} — versie ${n}`,
  backToAssessment: 'Terug naar de afweging',
};

export type AssessmentTexts = typeof assessmentNl;
