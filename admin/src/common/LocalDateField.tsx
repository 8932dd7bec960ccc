import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/**
 * A date in the console's language, not the browser's: react-admin's DateField formats with the browser's
 * locale, so a Chinese console in an English browser showed "12/2/2026, 3:26:33 AM".
 */
export function LocalDateField(props: DateFieldProps) {
  const [locale] = useLocaleState();
  return <DateField locales={locale === 'en' ? 'en-GB' : 'zh-CN'} {...props} />;
}
