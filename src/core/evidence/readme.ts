/** LEESMIJ.txt of an evidence package: the cover sheet's essentials as plain text, Dutch then English. */
import {
  CLIP_FILE,
  COVER_FILE,
  MANIFEST_FILE,
  PUBLIC_KEY_FILE,
  SIGNATURE_FILE,
  type EvidenceManifest,
} from './manifest.js';

export const readmeText = (
  m: Pick<
    EvidenceManifest,
    'exportId' | 'organisation' | 'clip' | 'camera' | 'room' | 'site' | 'timeRange' | 'signing'
  >,
): string => {
  const fp = m.signing.publicKeyFingerprint;
  const from = m.timeRange.start?.amsterdam ?? '?';
  const to = m.timeRange.end?.amsterdam ?? '?';
  return [
    `BEWIJSEXPORT CAMERABEELDEN — ${m.organisation}`,
    `Export ${m.exportId}: opname ${m.clip.id}, camera ${m.camera.name}, ruimte ${m.room.name}, locatie ${m.site.name}, ${from} tot ${to} (Europe/Amsterdam).`,
    '',
    'Inhoud:',
    `  ${CLIP_FILE}  de originele beelden (fragmented MP4), zoals verzegeld in de kluis`,
    `  ${MANIFEST_FILE}  wat de beelden zijn, waarom ze er zijn, de bewaarketen, de SHA-256 van elk bestand`,
    `  ${SIGNATURE_FILE}  Ed25519-handtekening over ${MANIFEST_FILE}`,
    `  ${PUBLIC_KEY_FILE}  de publieke exportsleutel van de organisatie`,
    `  ${COVER_FILE}  voorblad (leesbare samenvatting)`,
    '',
    'Controleren:',
    `  1. De vingerafdruk van de sleutel moet gelijk zijn aan die op de transparantiepagina van de organisatie:`,
    `     ${fp}`,
    `     (openssl pkey -pubin -in ${PUBLIC_KEY_FILE} -outform DER | sha256sum)`,
    `  2. proportio export verify <deze map of de .zip> --fingerprint ${fp}`,
    `     of zonder Proportio: base64 -d van het veld "signature" in ${SIGNATURE_FILE} naar sig.bin, dan`,
    `     openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_FILE} -rawin -in ${MANIFEST_FILE} -sigfile sig.bin`,
    `  3. sha256sum van elk bestand vergelijken met "files" in ${MANIFEST_FILE}; er hoort geen ander bestand bij.`,
    '',
    '---',
    '',
    `EVIDENCE EXPORT OF CAMERA FOOTAGE — ${m.organisation}`,
    `Export ${m.exportId}: clip ${m.clip.id}, camera ${m.camera.name}, room ${m.room.name}, site ${m.site.name}, ${from} to ${to} (Europe/Amsterdam).`,
    '',
    `${CLIP_FILE} is the original footage; ${MANIFEST_FILE} says what it is and lists every file's SHA-256;`,
    `${SIGNATURE_FILE} signs ${MANIFEST_FILE} (Ed25519) with the key in ${PUBLIC_KEY_FILE}, fingerprint ${fp},`,
    `published on the organisation's transparency page. Verify with "proportio export verify PATH --fingerprint ${fp}"`,
    'or with openssl and sha256sum as above. No other file belongs in the package.',
    '',
  ].join('\n');
};
