/** English month names and abbreviations, as wires write them in date-only datelines ("MARCH 04, 2013"). */
const MONTHS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/gi;

/**
 * Some wires fill the dateline field with a timestamp ("2014-07-16 15:53:10 GMT+00:00" in Reuters
 * NewsML-G2, "MARCH 04, 2013" in Reuters video, "4/4/2018" in ANA NewsML 1.2). That names no
 * place, so it is not passed on; finalization then takes the place from the body's lead, if any.
 */
export function datelinePlace(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const rest = raw
    .replace(MONTHS, '')
    .replace(/\b(?:GMT|UTC)\b/gi, '')
    .replace(/(?<=\d)[TZ](?=[\d\s+-]|$)/g, '');
  return /\p{L}/u.test(rest) ? raw : undefined;
}
