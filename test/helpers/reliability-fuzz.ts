import fc from 'fast-check';

/** Marker the fuzzer injects: it must never come back unescaped in any response. */
export const FUZZ_TAG = 'x-fuzz-7q';

/** Strings an attacker or a broken client sends: SQL and HTML injection, control characters, odd Unicode. */
export const hostileStrings = [
  `<${FUZZ_TAG}>`,
  `"><${FUZZ_TAG} onload=alert(1)>`,
  `'><${FUZZ_TAG}>`,
  `</title><${FUZZ_TAG}>`,
  "' OR '1'='1",
  "'; DROP TABLE members; --",
  '1; select pg_sleep(5)',
  '\u0000',
  '\u0000abc\u0001\u001f\u007f',
  '\r\nSet-Cookie: x=1',
  '\uFEFF\u200B\u202E',
  '\uD800',
  '\uDFFF\uD800',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AE%C0%AE/',
  '../../etc/passwd',
  '𠮷野家',
  'ｆｕｌｌ＠ｅｘａｍｐｌｅ．ｊｐ',
  '４９８０１２３４５６７８９０１１',
  '1990-02-30',
  '9999999999999999999999',
  '-1',
  '0x10',
  'NaN',
  '[object Object]',
  '{"a":1}',
  'ﷺ'.repeat(20),
  'a'.repeat(300),
] as const;

/** Any string, biased toward the hostile ones and toward long ones. */
export const hostileString = (maxLength = 400) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 2, arbitrary: fc.string({ maxLength, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ minLength: 255, maxLength: 3000 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'ja', 'en', 'yes', '1', '0', 'active', 'suspended') },
  );

/** Every form field and query parameter name the product reads (fuzzers and property tests fill these). */
export const FORM_FIELDS = [
  'identifier',
  'password',
  'userId',
  'email',
  'token',
  'newEmail',
  'currentPassword',
  'newPassword',
  'passwordConfirm',
  'ticket',
  'expires',
  'understand',
  'cardNumber',
  'birthDate',
  'startPin',
  'startPinConfirm',
  'holderName',
  'phone',
  'incomeBand',
  'login',
  'code',
  'q',
  'last4',
  'cardId',
  'fullName',
  'reason',
  'status',
  'displayName',
  'role',
];
