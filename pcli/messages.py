"""Every string pcli shows to people, keyed by message, in English, Vietnamese and Indonesian side by side.

Code asks for a message by key with its values (`say("no_match", lang, query=…)`); it never assembles a
sentence in place. A value that is itself a message (`Msg`) is said in the same language. A test fails when a
key lacks a language or a language's text names other values than the English.
"""

from __future__ import annotations

from typing import Any

LANG_INDEX = {"en": 0, "vi": 1, "id": 2}


class Msg:
    """A message not yet said: its key and values, said later in the reader's language."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: Any) -> None:
        self.key, self.values = key, values

    def say(self, lang: str = "en") -> str:
        return say(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.say("en")


class Texts:
    """Text in three languages ({"en": …, "vi": …, "id": …}) said in the reader's language when the message is."""

    __slots__ = ("text",)

    def __init__(self, text: dict[str, str]) -> None:
        self.text = text

    def say(self, lang: str = "en") -> str:
        return self.text.get(lang) or self.text.get("en") or next(iter(self.text.values()), "")


def say(key: str, lang: str = "en", /, **values: Any) -> str:
    template = MESSAGES[key][LANG_INDEX.get(lang, 0)]
    return template.format(**{k: v.say(lang) if hasattr(v, "say") else v for k, v in values.items()})


def word(key: str, lang: str = "en") -> str:
    """A single word or heading of the catalogue."""
    return MESSAGES[key][LANG_INDEX.get(lang, 0)]


MESSAGES: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ errors and the run
    "error": ("Error: {message}", "Lỗi: {message}", "Galat: {message}"),
    "interrupted": ("Interrupted.", "Đã dừng.", "Dihentikan."),
    "bad_lang": (
        "--lang must be en, vi or id, not {value!r}",
        "--lang phải là en, vi hoặc id, không phải {value!r}",
        "--lang harus en, vi, atau id, bukan {value!r}",
    ),
    "empty_query": (
        'the query is empty: say what to look for, e.g. pcli query "poor households 2023"',
        'câu hỏi trống: hãy nói cần tìm gì, ví dụ pcli query "hộ nghèo 2023"',
        'kueri kosong: sebutkan yang dicari, misalnya pcli query "rumah tangga miskin 2023"',
    ),
    "unknown_section": (
        "unknown section {name!r}: use one of {choices}",
        "mục không rõ {name!r}: dùng một trong {choices}",
        "bagian tidak dikenal {name!r}: gunakan salah satu dari {choices}",
    ),
    "unknown_topic": (
        "unknown topic {name!r}: use one of {choices}",
        "chủ đề không rõ {name!r}: dùng một trong {choices}",
        "topik tidak dikenal {name!r}: gunakan salah satu dari {choices}",
    ),
    "not_a_year": (
        "{text!r} is not a year (2023) or a range of years (2022-2024)",
        "{text!r} không phải một năm (2023) hay một khoảng năm (2022-2024)",
        "{text!r} bukan tahun (2023) atau rentang tahun (2022-2024)",
    ),
    "same_period_twice": (
        "compare needs two different periods, got {period} twice",
        "so sánh cần hai thời kỳ khác nhau, nhưng {period} được nhập hai lần",
        "perbandingan memerlukan dua periode berbeda, {period} diberikan dua kali",
    ),
    "sources_not_folder": (
        "--sources {path!r} is not a folder",
        "--sources {path!r} không phải một thư mục",
        "--sources {path!r} bukan sebuah folder",
    ),
    "sqlite_needs_output": (
        "--format sqlite needs --output FILE",
        "--format sqlite cần --output FILE",
        "--format sqlite memerlukan --output FILE",
    ),
    "export_format": (
        "export writes json, jsonl, csv, tsv or sqlite, not {fmt}",
        "export ghi json, jsonl, csv, tsv hoặc sqlite, không phải {fmt}",
        "export menulis json, jsonl, csv, tsv, atau sqlite, bukan {fmt}",
    ),
    # ------------------------------------------------------------------ reading a file
    "where": ("{where}: {message}", "{where}: {message}", "{where}: {message}"),
    "more_problems": (
        "{message} (and {more} more problem(s); run 'pcli validate')",
        "{message} (và {more} lỗi khác; chạy 'pcli validate')",
        "{message} (dan {more} masalah lain; jalankan 'pcli validate')",
    ),
    "file_is_directory": (
        "is a directory, not a fact base file",
        "là một thư mục, không phải tệp cơ sở dữ kiện",
        "adalah folder, bukan berkas basis fakta",
    ),
    "file_too_large": (
        "is too large ({size} MiB; the limit is {limit} MiB)",
        "quá lớn ({size} MiB; giới hạn {limit} MiB)",
        "terlalu besar ({size} MiB; batasnya {limit} MiB)",
    ),
    "file_missing": ("no such file", "không có tệp này", "berkas tidak ada"),
    "file_permission": ("permission denied", "không có quyền đọc", "izin ditolak"),
    "file_unreadable": ("cannot be read: {reason}", "không đọc được: {reason}", "tidak dapat dibaca: {reason}"),
    "file_empty": (
        "is empty: a fact base needs at least one figure",
        "trống: cơ sở dữ kiện cần ít nhất một số liệu",
        "kosong: basis fakta memerlukan setidaknya satu angka",
    ),
    "file_binary": (
        "is a binary file, not TOML text",
        "là tệp nhị phân, không phải văn bản TOML",
        "adalah berkas biner, bukan teks TOML",
    ),
    "file_not_utf8": (
        "is not UTF-8 text (byte {byte})",
        "không phải văn bản UTF-8 (byte {byte})",
        "bukan teks UTF-8 (bita {byte})",
    ),
    "toml_syntax": (
        "TOML syntax error: {error} (column {column})",
        "lỗi cú pháp TOML: {error} (cột {column})",
        "galat sintaks TOML: {error} (kolom {column})",
    ),
    "toml_syntax_nowhere": ("TOML syntax error: {error}", "lỗi cú pháp TOML: {error}", "galat sintaks TOML: {error}"),
    # ------------------------------------------------------------------ the schema
    "named": ("{name}: {message}", "{name}: {message}", "{name}: {message}"),
    "keyed": ("{key}: {message}", "{key}: {message}", "{key}: {message}"),
    "did_you_mean": (" (did you mean {word!r}?)", " (có phải {word!r}?)", " (maksud Anda {word!r}?)"),
    "unknown_key": ("unknown key {key!r}{hint}", "khóa không rõ {key!r}{hint}", "kunci tidak dikenal {key!r}{hint}"),
    "missing_key": ("missing required key {key!r}", "thiếu khóa bắt buộc {key!r}", "kunci wajib {key!r} tidak ada"),
    "not_array": (
        "{table}: expected an array of tables ([[{table}]])",
        "{table}: cần một mảng bảng ([[{table}]])",
        "{table}: diharapkan larik tabel ([[{table}]])",
    ),
    "not_table": ("expected a table", "cần một bảng", "diharapkan sebuah tabel"),
    "duplicate_id": (
        "duplicate id {ident!r} (first used on line {line})",
        "id trùng {ident!r} (dùng lần đầu ở dòng {line})",
        "id ganda {ident!r} (pertama dipakai di baris {line})",
    ),
    "unknown_ref": ("unknown {what} {value!r}{hint}", "{what} không rõ {value!r}{hint}", "{what} tidak dikenal {value!r}{hint}"),
    "no_figures": (
        "the fact base has no figures ([[figures]])",
        "cơ sở dữ kiện không có số liệu nào ([[figures]])",
        "basis fakta tidak memiliki angka ([[figures]])",
    ),
    "bad_schema": (
        "schema {schema} is not supported (pcli reads {supported})",
        "không hỗ trợ schema {schema} (pcli đọc {supported})",
        "schema {schema} tidak didukung (pcli membaca {supported})",
    ),
    "want_str": ("expected a non-empty string", "cần một chuỗi không rỗng", "diharapkan string yang tidak kosong"),
    "want_any_str": ("expected a string", "cần một chuỗi", "diharapkan string"),
    "want_text": (
        'expected a table of languages, like {{ en = "…", vi = "…", id = "…" }}',
        'cần một bảng ngôn ngữ, như {{ en = "…", vi = "…", id = "…" }}',
        'diharapkan tabel bahasa, seperti {{ en = "…", vi = "…", id = "…" }}',
    ),
    "unknown_lang": (
        "unknown language {lang!r} (use en, vi, id)",
        "ngôn ngữ không rõ {lang!r} (dùng en, vi, id)",
        "bahasa tidak dikenal {lang!r} (gunakan en, vi, id)",
    ),
    "missing_text": ("missing {langs} text", "thiếu văn bản {langs}", "teks {langs} tidak ada"),
    "want_number": ("expected a number, got {got}", "cần một số, nhận được {got}", "diharapkan angka, didapat {got}"),
    "want_finite": (
        "expected a finite number, got {got}",
        "cần một số hữu hạn, nhận được {got}",
        "diharapkan angka terhingga, didapat {got}",
    ),
    "want_int": (
        "expected an integer, got {got}",
        "cần một số nguyên, nhận được {got}",
        "diharapkan bilangan bulat, didapat {got}",
    ),
    "want_bool": (
        "expected true or false, got {got}",
        "cần true hoặc false, nhận được {got}",
        "diharapkan true atau false, didapat {got}",
    ),
    "want_strings": ("expected a list of strings", "cần một danh sách chuỗi", "diharapkan daftar string"),
    "want_period": (
        'expected a period string like "2023", got {got}',
        'cần một chuỗi thời kỳ như "2023", nhận được {got}',
        'diharapkan string periode seperti "2023", didapat {got}',
    ),
    "want_choice": (
        "{value!r} is not one of {choices}{hint}",
        "{value!r} không thuộc {choices}{hint}",
        "{value!r} bukan salah satu dari {choices}{hint}",
    ),
    "want_citations": (
        'expected at least one citation: [{{ source = "…", quote = "…" }}]',
        'cần ít nhất một trích dẫn: [{{ source = "…", quote = "…" }}]',
        'diharapkan setidaknya satu kutipan: [{{ source = "…", quote = "…" }}]',
    ),
    "want_citation": (
        'expected {{ source = "…", quote = "…" }}',
        'cần {{ source = "…", quote = "…" }}',
        'diharapkan {{ source = "…", quote = "…" }}',
    ),
    "bad_period": ("{reason}", "{reason}", "{reason}"),
    "as_of_undated": (
        "as_of: an undated figure cannot hold 'by' a period",
        "as_of: số liệu không rõ thời điểm không thể 'đến' một thời kỳ",
        "as_of: angka tanpa tanggal tidak dapat berlaku 'hingga' suatu periode",
    ),
    "part_unknown": (
        "part_of: unknown figure {ident!r}{hint}",
        "part_of: số liệu không rõ {ident!r}{hint}",
        "part_of: angka tidak dikenal {ident!r}{hint}",
    ),
    "part_unit": (
        "part_of: a part in {part} cannot be of a whole in {whole}",
        "part_of: phần tính bằng {part} không thể thuộc tổng tính bằng {whole}",
        "part_of: bagian dalam {part} tidak dapat menjadi bagian dari keseluruhan dalam {whole}",
    ),
    "part_larger": (
        "part_of: the part ({part}) is larger than the whole ({whole})",
        "part_of: phần ({part}) lớn hơn tổng ({whole})",
        "part_of: bagian ({part}) lebih besar dari keseluruhan ({whole})",
    ),
    "part_period": (
        "part_of: period {part} is not within the whole's {whole}",
        "part_of: thời kỳ {part} không nằm trong thời kỳ của tổng {whole}",
        "part_of: periode {part} tidak berada dalam periode keseluruhan {whole}",
    ),
    # ------------------------------------------------------------------ words of figures
    "more_than": ("more than", "hơn", "lebih dari"),
    "nearly": ("nearly", "gần", "hampir"),
    "up_to": ("up to", "lên tới", "hingga"),
    "about": ("about", "khoảng", "sekitar"),
    "basically": ("basically", "cơ bản", "pada dasarnya"),
    "target": ("target", "mục tiêu", "target"),
    "of_which": ("of which, of {whole}", "trong đó, trên tổng {whole}", "di antaranya, dari {whole}"),
    "one_report": (
        "{count} renderings of one report, not independent confirmation",
        "{count} bản của cùng một bài, không phải xác nhận độc lập",
        "{count} versi dari satu laporan, bukan konfirmasi independen",
    ),
    "reads": ("{source} reads: {value}", "{source} ghi: {value}", "{source} tertulis: {value}"),
    # ------------------------------------------------------------------ periods
    "year": ("{year}", "năm {year}", "tahun {year}"),
    "start_of": ("start of {year}", "đầu năm {year}", "awal {year}"),
    "end_of": ("end of {year}", "cuối năm {year}", "akhir {year}"),
    "by": ("by {period}", "đến {period}", "hingga {period}"),
    "undated": ("undated", "không rõ thời điểm", "tanpa tanggal"),
    "undated_reported": ("undated; reported {date}", "không rõ thời điểm; đưa tin {date}", "tanpa tanggal; dilaporkan {date}"),
    "month_year": ("{month} {year}", "tháng {month}/{year}", "{month} {year}"),
    "day_month_year": ("{day} {month} {year}", "{day}/{month}/{year}", "{day} {month} {year}"),
    "months": (
        "January February March April May June July August September October November December",
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    ),
    "months_short": (
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des",
    ),
    # ------------------------------------------------------------------ numbers
    "billion_vnd": ("{n} billion VND", "{n} tỷ đồng", "{n} miliar VND"),
    "million_vnd": ("{n} million VND", "{n} triệu đồng", "{n} juta VND"),
    "billion_short": ("bn", "tỷ", "miliar"),
    # ------------------------------------------------------------------ headings
    "h_figure": ("Figure", "Số liệu", "Angka"),
    "h_value": ("Value", "Giá trị", "Nilai"),
    "h_period": ("Period", "Thời kỳ", "Periode"),
    "h_source": ("Source", "Nguồn", "Sumber"),
    "h_also": ("Also", "Xem thêm", "Lainnya"),
    "h_indicator": ("Indicator", "Chỉ tiêu", "Indikator"),
    "h_change": ("Change", "Thay đổi", "Perubahan"),
    "points": ("pp", "điểm %", "poin"),
    "figures": ("Figures", "Số liệu", "Angka"),
    "programmes": ("Programmes", "Chương trình", "Program"),
    "documents": ("Documents", "Văn bản", "Dokumen"),
    "agencies": ("Agencies", "Cơ quan", "Lembaga"),
    "places": ("Places and models", "Địa điểm và mô hình", "Tempat dan model"),
    "sources": ("Sources", "Nguồn", "Sumber"),
    # ------------------------------------------------------------------ answers and misses
    "no_match": (
        "No figure matches '{query}'.{hint}",
        "Không có số liệu nào khớp '{query}'.{hint}",
        "Tidak ada angka yang cocok dengan '{query}'.{hint}",
    ),
    "no_match_in": (
        "No figure matches '{query}' in {periods}. {label} is known for: {known}.",
        "Không có số liệu nào khớp '{query}' trong {periods}. {label} có số liệu cho: {known}.",
        "Tidak ada angka yang cocok dengan '{query}' pada {periods}. {label} tersedia untuk: {known}.",
    ),
    "did_you_mean_words": (" Did you mean: {words}?", " Có phải: {words}?", " Maksud Anda: {words}?"),
    "try_show": (
        " Try 'pcli show' to see what the base holds.",
        " Thử 'pcli show' để xem cơ sở dữ kiện có gì.",
        " Coba 'pcli show' untuk melihat isi basis fakta.",
    ),
    "no_change": (
        "No indicator is known in both {before} and {after}. Periods with data: {known}.",
        "Không có chỉ tiêu nào có số liệu cả năm {before} và {after}. Các thời kỳ có số liệu: {known}.",
        "Tidak ada indikator yang diketahui pada {before} dan {after}. Periode dengan data: {known}.",
    ),
    "no_indicator": (
        "No indicator matches {query!r}. Indicators: see 'pcli show figures'.",
        "Không có chỉ tiêu nào khớp {query!r}. Các chỉ tiêu: xem 'pcli show figures'.",
        "Tidak ada indikator yang cocok dengan {query!r}. Indikator: lihat 'pcli show figures'.",
    ),
    "no_id": (
        "No figure or document has the id {ident!r}.{hint}",
        "Không có số liệu hay văn bản nào có id {ident!r}.{hint}",
        "Tidak ada angka atau dokumen dengan id {ident!r}.{hint}",
    ),
    "did_you_mean_ids": (" Did you mean: {ids}?", " Có phải: {ids}?", " Maksud Anda: {ids}?"),
    # ------------------------------------------------------------------ validate
    "valid": (
        "{path}: valid: {figures} figures, {indicators} indicators, {others} other records{proof}",
        "{path}: hợp lệ: {figures} số liệu, {indicators} chỉ tiêu, {others} bản ghi khác{proof}",
        "{path}: valid: {figures} angka, {indicators} indikator, {others} catatan lain{proof}",
    ),
    "proven": (
        "; {quotes} quotes proven against {sources}",
        "; {quotes} trích dẫn đã được đối chiếu với {sources}",
        "; {quotes} kutipan terbukti terhadap {sources}",
    ),
    "problems_in": ("{count} problem(s) in {path}", "{count} lỗi trong {path}", "{count} masalah di {path}"),
    # ------------------------------------------------------------------ proof against the sources
    "none": ("none", "không có", "tidak ada"),
    "source_no_file": (
        "sources ({ident}): no 'file' to check its quotes against",
        "sources ({ident}): không có 'file' để đối chiếu trích dẫn",
        "sources ({ident}): tidak ada 'file' untuk memeriksa kutipannya",
    ),
    "source_unreadable": (
        "sources ({ident}): {path}: {reason}",
        "sources ({ident}): {path}: {reason}",
        "sources ({ident}): {path}: {reason}",
    ),
    "quote_missing": (
        "quote not found verbatim in source {source!r}: {quote!r}",
        "không tìm thấy nguyên văn trích dẫn trong nguồn {source!r}: {quote!r}",
        "kutipan tidak ditemukan persis di sumber {source!r}: {quote!r}",
    ),
    "context_missing": (
        "context not found verbatim in source {source!r}: {quote!r}",
        "không tìm thấy nguyên văn ngữ cảnh trong nguồn {source!r}: {quote!r}",
        "konteks tidak ditemukan persis di sumber {source!r}: {quote!r}",
    ),
    "context_far": (
        "context {quote!r} stands more than {reach} characters from its quote: it does not date that passage",
        "ngữ cảnh {quote!r} cách trích dẫn hơn {reach} ký tự: nó không xác định thời điểm của đoạn đó",
        "konteks {quote!r} berjarak lebih dari {reach} karakter dari kutipannya: tidak menanggali bagian itu",
    ),
    "proof_value": (
        "value: the base claims {value}; the quote in {source!r} does not state it ({lang} numbers, {kind})",
        "value: cơ sở ghi {value}; trích dẫn trong {source!r} không nêu số này (số kiểu {lang}, {kind})",
        "value: basis menyatakan {value}; kutipan di {source!r} tidak menyebutnya (angka {lang}, {kind})",
    ),
    "proof_qualifier": (
        "qualifier: the base claims {claimed}; the quote in {source!r} says {said}",
        "qualifier: cơ sở ghi {claimed}; trích dẫn trong {source!r} ghi {said}",
        "qualifier: basis menyatakan {claimed}; kutipan di {source!r} menyebut {said}",
    ),
    "proof_qualifier_unread": (
        "qualifier: the base claims {claimed}; no citation reads it so",
        "qualifier: cơ sở ghi {claimed}; không trích dẫn nào ghi như vậy",
        "qualifier: basis menyatakan {claimed}; tidak ada kutipan yang menyebutnya",
    ),
    "proof_period": (
        "period: the base claims {claimed}; the quote in {source!r} states {said}{hint}",
        "period: cơ sở ghi {claimed}; trích dẫn trong {source!r} nêu {said}{hint}",
        "period: basis menyatakan {claimed}; kutipan di {source!r} menyebut {said}{hint}",
    ),
    "no_period": ("no period", "không có thời kỳ", "tidak ada periode"),
    "period_hint": (
        " (add a context quote that dates it, or leave the figure undated)",
        " (thêm một trích dẫn ngữ cảnh nêu thời điểm, hoặc để số liệu không rõ thời điểm)",
        " (tambahkan kutipan konteks yang menanggalinya, atau biarkan angka tanpa tanggal)",
    ),
    "proof_status": (
        "status: the base claims a target; the quote in {source!r} states no goal ({words}…)",
        "status: cơ sở ghi là mục tiêu; trích dẫn trong {source!r} không nêu mục tiêu nào ({words}…)",
        "status: basis menyatakan target; kutipan di {source!r} tidak menyebut tujuan ({words}…)",
    ),
    "proof_as_of": (
        "as_of: the base claims 'by {period}'; no quote states it as a point the value holds by (đến, hingga, by)",
        "as_of: cơ sở ghi 'đến {period}'; không trích dẫn nào nêu đó là mốc (đến, hingga, by)",
        "as_of: basis menyatakan 'hingga {period}'; tidak ada kutipan yang menyebutnya (đến, hingga, by)",
    ),
}
