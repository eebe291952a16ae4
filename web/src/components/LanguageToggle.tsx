import { Button } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.js';

/** Switches between Dutch and English; the button is labelled in the language it switches to. */
export const LanguageToggle = () => {
  const { t, lang, setLang } = useI18n();
  const target = lang === 'nl' ? 'en' : 'nl';
  return (
    <Button appearance="subtle-button" lang={t.switchLanguageLang} onClick={() => setLang(target)}>
      {t.switchLanguage}
    </Button>
  );
};
