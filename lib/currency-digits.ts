// The currencies whose minor unit is not 2 digits, as the runtime's ICU data has them (the source
// of minorUnitDigits in lib/money.ts), written out for SQL, which has no ICU of its own (the CSV
// export formats amounts in PostgreSQL: lib/money-sql.ts). Every other code has 2 digits.
// tests/unit/currency-digits.test.ts asks ICU about every code from AAA to ZZZ and requires this
// list, so a Node upgrade that changes ICU's answer fails there instead of in a download.
export const NON_TWO_DIGIT_CURRENCIES: Record<0 | 3 | 4, readonly string[]> = {
  0: [
    ..."ADP AFN ALL BIF BYR CLP COP DJF ESP GNF HUF IDR IQD IRR ISK ITL JPY KMF KPW KRW LAK LBP LUF MGA MGF MMK MRO PKR PYG RWF SLL SOS STD SYP TMM TRL UGX UYI VND VUV XAF XOF XPF YER ZMK ZWD".split(
      " ",
    ),
  ],
  3: ["BHD", "JOD", "KWD", "LYD", "OMR", "TND"],
  4: ["CLF", "UYW"],
};
