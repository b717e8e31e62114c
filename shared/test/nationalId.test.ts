import { isValidNationalId, nationalIdCheckDigit, nationalIdProblem, withCheckDigit } from '../src/nationalId';
import { requireJuristicId, requireNationalId, requirePage } from '../src/identifiers';

describe('national ID', () => {
  it('accepts the demo identities and rejects a wrong check digit', () => {
    for (const id of ['1101700203450', '5601200333441', '8410100555669']) expect(isValidNationalId(id)).toBe(true);
    expect(nationalIdProblem('1101700203451')).toBe('CHECK_DIGIT');
  });

  it('rejects anything but 13 digits', () => {
    for (const id of ['', '110170020345', '11017002034500', '110170020345a', ' 1101700203450', '１１０１７００２０３４５０']) {
      expect(nationalIdProblem(id)).toBe('FORMAT');
    }
  });

  it('computes the mod-11 check digit, wrapping 10 and 11 to 0 and 1', () => {
    expect(nationalIdCheckDigit('110170020345')).toBe(0);
    expect(withCheckDigit('560120033344')).toBe('5601200333441');
    // sum 0 gives (11 - 0) % 10 = 1
    expect(nationalIdCheckDigit('000000000000')).toBe(1);
  });

  it('turns bad arguments into BAD_USER_INPUT with a reason', () => {
    expect(() => requireNationalId('1101700203451')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'NATIONAL_ID_CHECK_DIGIT' }),
      }),
    );
    expect(() => requireJuristicId('12')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ reason: 'JURISTIC_ID_FORMAT' }) }));
    expect(requirePage(undefined, undefined)).toEqual({ first: 100, offset: 0 });
    expect(() => requirePage(101, 0)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => requirePage(10, -1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});
