import Testing
import TableroJSON

// Cases copied from JSONTestSuite (https://github.com/nst/JSONTestSuite, MIT licence),
// test_parsing/: y_ must be accepted, n_ must be rejected, i_ may go either way but must not crash.
// Inlined so CI needs no checkout of the suite.
@Suite struct JSONTestSuiteCases {
  static let accepted: [NamedInput] = [
    NamedInput("y_array_arraysWithSpaces", #"[[]   ]"#),
    NamedInput("y_array_empty-string", #"[""]"#),
    NamedInput("y_array_heterogeneous", #"[null, 1, "1", {}]"#),
    NamedInput("y_array_with_leading_space", #" [1]"#),
    NamedInput("y_array_with_trailing_space", #"[2] "#),
    NamedInput("y_number", #"[123e65]"#),
    NamedInput("y_number_0e+1", #"[0e+1]"#),
    NamedInput("y_number_negative_zero", #"[-0]"#),
    NamedInput("y_number_real_capital_e_neg_exp", #"[1E-2]"#),
    NamedInput("y_number_real_exponent", #"[123e45]"#),
    NamedInput("y_number_simple_real", #"[123.456789]"#),
    NamedInput("y_object_basic", #"{"asd":"sdf"}"#),
    NamedInput("y_object_duplicated_key_and_value", #"{"a":"b","a":"b"}"#),
    NamedInput("y_object_empty_key", #"{"":0}"#),
    NamedInput("y_object_escaped_null_in_key", #"{"foo\u0000bar": 42}"#),
    NamedInput("y_object_long_strings", #"{"x":[{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}], "id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#),
    NamedInput("y_string_accepted_surrogate_pair", #"["\uD801\udc37"]"#),
    NamedInput("y_string_accepted_surrogate_pairs", #"["\ud83d\ude39\ud83d\udc8d"]"#),
    NamedInput("y_string_allowed_escapes", #"["\"\\\/\b\f\n\r\t"]"#),
    NamedInput("y_string_escaped_noncharacter", #"["\uFFFF"]"#),
    NamedInput("y_string_in_array", #"["asd"]"#),
    NamedInput("y_string_null_escape", #"["\u0000"]"#),
    NamedInput("y_string_unicode_U+10FFFE_nonchar", #"["\uDBFF\uDFFE"]"#),
    NamedInput("y_string_utf8", bytes: [0x5B, 0x22, 0xE2, 0x82, 0xAC, 0xF0, 0x9D, 0x84, 0x9E, 0x22, 0x5D]),
    NamedInput("y_string_unescaped_char_delete", bytes: [0x5B, 0x22, 0x7F, 0x22, 0x5D]),
    NamedInput("y_string_u+2028_line_sep", bytes: [0x5B, 0x22, 0xE2, 0x80, 0xA8, 0x22, 0x5D]),
    NamedInput("y_structure_lonely_false", #"false"#),
    NamedInput("y_structure_lonely_string", #""asd""#),
    NamedInput("y_structure_string_empty", #""""#),
    NamedInput("y_structure_trailing_newline", bytes: [0x5B, 0x22, 0x61, 0x22, 0x5D, 0x0A]),
    NamedInput("y_structure_whitespace_array", #" [] "#),
    NamedInput("y_object_with_newlines", bytes: [0x7B, 0x0A, 0x22, 0x61, 0x22, 0x3A, 0x20, 0x22, 0x62, 0x22, 0x0A, 0x7D]),
  ]

  static let rejected: [NamedInput] = [
    NamedInput("n_array_extra_comma", #"["",]"#),
    NamedInput("n_array_double_comma", #"[1,,2]"#),
    NamedInput("n_array_incomplete", #"["x""#),
    NamedInput("n_array_just_minus", #"[-]"#),
    NamedInput("n_array_star_inside", #"[*]"#),
    NamedInput("n_array_invalid_utf8", bytes: [0x5B, 0xFF, 0x5D]),
    NamedInput("n_incomplete_true", #"[tru]"#),
    NamedInput("n_number_-01", #"[-01]"#),
    NamedInput("n_number_2.e3", #"[2.e3]"#),
    NamedInput("n_number_NaN", #"[NaN]"#),
    NamedInput("n_number_Inf", #"[Inf]"#),
    NamedInput("n_number_hex_1_digit", #"[0x1]"#),
    NamedInput("n_number_with_leading_zero", #"[012]"#),
    NamedInput("n_number_+1", #"[+1]"#),
    NamedInput("n_number_0.e1", #"[0.e1]"#),
    NamedInput("n_number_U+FF11_fullwidth_digit_one", bytes: [0x5B, 0xEF, 0xBC, 0x91, 0x5D]),
    NamedInput("n_object_trailing_comma", #"{"id":0,}"#),
    NamedInput("n_object_single_quote", #"{'a':0}"#),
    NamedInput("n_object_unquoted_key", #"{a: "b"}"#),
    NamedInput("n_object_missing_colon", #"{"a" b}"#),
    NamedInput("n_object_non_string_key", #"{1:1}"#),
    NamedInput("n_object_trailing_comment", #"{"a":"b"}/**/"#),
    NamedInput("n_object_with_single_string", #"{ "foo" : "bar", "a" }"#),
    NamedInput("n_string_escape_x", #"["\x00"]"#),
    NamedInput("n_string_1_surrogate_then_escape_u1x", #"["\uD800\u1x"]"#),
    NamedInput("n_string_invalid_utf8_after_escape", bytes: [0x5B, 0x22, 0x5C, 0xE5, 0x22, 0x5D]),
    NamedInput("n_string_unescaped_tab", bytes: [0x5B, 0x22, 0x09, 0x22, 0x5D]),
    NamedInput("n_string_unescaped_ctrl_char", bytes: [0x5B, 0x22, 0x61, 0x00, 0x61, 0x22, 0x5D]),
    NamedInput("n_string_unescaped_newline", bytes: [0x5B, 0x22, 0x6E, 0x65, 0x77, 0x0A, 0x6C, 0x69, 0x6E, 0x65, 0x22, 0x5D]),
    NamedInput("n_string_single_quote", #"['single quote']"#),
    NamedInput("n_string_unicode_CapitalU", #""\UA66D""#),
    NamedInput("n_string_backslash_00", bytes: [0x5B, 0x22, 0x5C, 0x00, 0x22, 0x5D]),
    NamedInput("n_structure_UTF8_BOM_no_data", bytes: [0xEF, 0xBB, 0xBF]),
    NamedInput("n_structure_no_data", #""#),
    NamedInput("n_structure_null-byte-outside-string", bytes: [0x5B, 0x00, 0x5D]),
    NamedInput("n_structure_lone-invalid-utf-8", bytes: [0xE5]),
    NamedInput("n_structure_whitespace_formfeed", bytes: [0x5B, 0x0C, 0x5D]),
    NamedInput("n_structure_whitespace_U+2060_word_joiner", bytes: [0x5B, 0xE2, 0x81, 0xA0, 0x5D]),
    NamedInput("n_structure_double_array", #"[][]"#),
    NamedInput("n_structure_unclosed_object", #"{"asd":"asd""#),
    NamedInput("n_structure_open_object_close_array", #"{]"#),
    NamedInput("n_structure_object_with_comment", #"{"a":/*comment*/"b"}"#),
    NamedInput("n_single_space", #" "#),
    NamedInput("n_structure_incomplete_UTF8_BOM", bytes: [0xEF, 0xBB, 0x7B, 0x7D]),
    NamedInput("n_structure_100000_opening_arrays", bytes: [UInt8](repeating: 0x5B, count: 100_000)),
    NamedInput("n_structure_open_array_object", String(repeating: #"[{"":"#, count: 50_000) + "\n"),
  ]

  static let implementationDefined: [NamedInput] = [
    NamedInput("i_number_huge_exp", bytes: [0x5B, 0x30, 0x2E, 0x34, 0x65, 0x30, 0x30, 0x36, 0x36, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x36, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x30, 0x30, 0x36, 0x5D]),
    NamedInput("i_number_real_pos_overflow", #"[123123e100000]"#),
    NamedInput("i_number_real_underflow", #"[123e-10000000]"#),
    NamedInput("i_number_too_big_neg_int", #"[-123123123123123123123123123123]"#),
    NamedInput("i_string_invalid_lonely_surrogate", #"["\ud800"]"#),
    NamedInput("i_string_lone_second_surrogate", #"["\uDFAA"]"#),
    NamedInput("i_string_UTF8_surrogate_U+D800", bytes: [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D]),
    NamedInput("i_string_overlong_sequence_2_bytes", bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]),
    NamedInput("i_string_not_in_unicode_range", bytes: [0x5B, 0x22, 0xF4, 0xBF, 0xBF, 0xBF, 0x22, 0x5D]),
    NamedInput("i_string_iso_latin_1", bytes: [0x5B, 0x22, 0xE9, 0x22, 0x5D]),
    NamedInput("i_string_utf16LE_no_BOM", bytes: [0x5B, 0x00, 0x22, 0x00, 0xE9, 0x00, 0x22, 0x00, 0x5D, 0x00]),
    NamedInput("i_structure_UTF-8_BOM_empty_object", bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D]),
    NamedInput("i_structure_500_nested_arrays", String(repeating: "[", count: 500) + String(repeating: "]", count: 500)),
  ]

  @Test(arguments: accepted)
  func yCasesParse(_ input: NamedInput) {
    #expect(syntaxError(input.bytes) == nil)
  }

  @Test(arguments: rejected)
  func nCasesFail(_ input: NamedInput) {
    #expect(syntaxError(input.bytes) != nil)
  }

  @Test(arguments: implementationDefined)
  func iCasesDoNotCrash(_ input: NamedInput) {
    _ = syntaxError(input.bytes)
  }

  /// The y_ cases also survive a write and a re-parse unchanged.
  @Test(arguments: accepted)
  func yCasesRoundTrip(_ input: NamedInput) throws {
    let value = try JSON.parse(input.bytes)
    #expect(try JSON.parse(JSONWriter.bytes(value)) == value)
  }
}
