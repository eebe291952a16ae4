/**
 * The one registry of operator settings the database holds (infrastructure lives in the
 * environment): key, section, type, allowed range and default. The server checks values against
 * it; the web UI labels each setting by its key (web/src/i18n, typed by SettingKey) and a test
 * keeps both languages complete. A check answers with a problem the UI translates by its rule and
 * numbers, so the message can say "Kies een geheel getal van 5 tot 600 seconden".
 */

export type SettingSection = 'alarm' | 'audit';

export type SettingDef =
  | {
      readonly key: string;
      readonly section: SettingSection;
      readonly type: 'integer';
      readonly min: number;
      readonly max: number;
      readonly unit: 'seconds';
      readonly default: number;
      /** English, for the API and logs; screens use their own texts by key. */
      readonly description: string;
      readonly descriptionNl: string;
    }
  | {
      readonly key: string;
      readonly section: SettingSection;
      readonly type: 'text';
      readonly maxLength: number;
      readonly default: string;
      readonly description: string;
      readonly descriptionNl: string;
    };

export const SETTING_DEFS = [
  {
    key: 'alarm.escalationSeconds',
    section: 'alarm',
    type: 'integer',
    min: 5,
    max: 600,
    unit: 'seconds',
    default: 30,
    description: 'Seconds without acknowledgement before an alarm escalates to the second group',
    descriptionNl: 'Seconden zonder reactie ("ik kom") voordat een alarm naar de tweede groep gaat',
  },
  {
    key: 'audit.retentionNote',
    section: 'audit',
    type: 'text',
    maxLength: 500,
    default: '',
    description: 'Free text shown on the audit page (e.g. where the chain head is anchored)',
    descriptionNl: 'Vrije tekst op de auditpagina (bijv. waar de kop van de keten wordt vastgelegd)',
  },
] as const satisfies readonly SettingDef[];

export type SettingKey = (typeof SETTING_DEFS)[number]['key'];

/** Why a value is refused, by rule and numbers (the screen words it). */
export type SettingProblem =
  | { readonly rule: 'integer-range'; readonly min: number; readonly max: number; readonly unit: 'seconds' }
  | { readonly rule: 'text-length'; readonly max: number };

export const settingDef = (key: string): SettingDef | undefined =>
  (SETTING_DEFS as readonly SettingDef[]).find((d) => d.key === key);

export const checkSetting = (def: SettingDef, v: unknown): SettingProblem | undefined => {
  switch (def.type) {
    case 'integer':
      return Number.isInteger(v) && (v as number) >= def.min && (v as number) <= def.max
        ? undefined
        : { rule: 'integer-range', min: def.min, max: def.max, unit: def.unit };
    case 'text':
      return typeof v === 'string' && v.length <= def.maxLength
        ? undefined
        : { rule: 'text-length', max: def.maxLength };
  }
};

/** The problem in English, for the API's detail and logs. */
export const settingProblemText = (p: SettingProblem): string =>
  p.rule === 'integer-range'
    ? `must be a whole number from ${p.min} to ${p.max} (${p.unit})`
    : `must be text of at most ${p.max} characters`;
