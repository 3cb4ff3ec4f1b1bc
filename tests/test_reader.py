"""The number reader a curator's draft (and a checker) uses: each rule on a short text written for it. A case
names one number of the text (the first written so, or the nth with "#n") and what the reader must say of it."""

from __future__ import annotations

import pytest
from conftest import cases

from pcli.articles.reader import Reading, read
from pcli.articles.relative import previous_term, shifted, year_written
from pcli.articles.scan import FIGURE
from pcli.articles.sentences import sentences


def _number(text: str, lang: str, written: str) -> Reading:
    written, _, nth = written.partition("#")
    found = [r for r in read(text, lang) if r.number.written == written]
    assert found, [(r.number.written, r.kind) for r in read(text, lang)]
    return found[int(nth or 1) - 1]


@pytest.mark.parametrize(
    ("text", "lang", "written", "period"),
    cases("""
Năm 2024, thành phố giảm mạnh số hộ nghèo. Toàn thành phố còn 96 hộ nghèo. | vi | 96 | 2024
Cả nước còn hơn 1,2 triệu hộ nghèo năm 2024.\\n\\nVùng núi có 486.623 hộ. | vi | 486.623 | 2024
Cả nước còn hơn 1,2 triệu hộ\\n\\nTỷ lệ nghèo năm 2024 là 4,06%. | vi | 1,2 | 2024
Năm 2023 có 5 xã đạt chuẩn.\\n\\nCùng năm, 12 thôn có đường mới. | vi | 12 | 2023
Pada tahun 2024 ada 9 desa.\\n\\nPada tahun yang sama, 4 sekolah dibangun. | id | 4 | 2024
Doanh thu đạt 12 tỷ đồng, tăng 15% so với cùng kỳ năm 2023, trong năm 2024. | vi | 15 | 2023-2024
Tỷ lệ nghèo năm 2024 giảm 1,65% so với năm 2023. | vi | 1,65 | 2023-2024
Tỷ lệ nghèo năm 2024 là 4,06%, giảm 1,65% so với năm 2023. | vi | 4,06 | 2024
Pada Maret 2024 sebesar 9,03 persen, menurun 0,33 persen poin terhadap Maret 2023. | id | 0,33 | 2023-2024
Menurun dibandingkan Maret 2023 yang sebesar 7,29 persen. | id | 7,29 | 2023-03
turun 0,1 juta orang (dari 11,74 juta orang pada Maret 2023 menjadi 11,64 juta orang pada Maret 2024) | id | 0,1 | 2023-2024
dari 11,74 juta orang pada Maret 2023 menjadi 11,64 juta orang pada Maret 2024 | id | 11,64 | 2024-03
giảm từ 42,61% cuối năm 2023 xuống còn 36,35% cuối năm 2024 | vi | 42,61 | 2023-12-31
Năm 2024 giảm 6,26%, tương đương 11.710 hộ (giảm từ 42,61% cuối năm 2023 xuống còn 36,35% cuối năm 2024). | vi | 11.710 | 2024
Chương trình giai đoạn 2021-2025 hỗ trợ các huyện; huyện A có 7 xã. | vi | 7 | \\
Hanoi had 12 wards.\\nIn 2024 it had 30 communes. | en | 12 | \\
Thứ Sáu, ngày 23 tháng 08 năm 2019\\n\\nCả nước còn 5 tỉnh. | vi | 5 | \\
Selama periode Maret 2020 - September 2021, penduduk miskin\\ndi desa berkurang 2,5 ribu orang. | id | 2,5 | 2020-2021
Quý II/2021, tổng thu đạt 512 tỷ đồng, giảm 7% so với cùng kỳ năm trước. | vi | 7 | 2020-2021
Quý II/2021, tổng thu đạt 512 tỷ đồng, giảm 7% so với cùng kỳ năm trước. | vi | 512 | \\
The town had 40 poor households in 2021 and 12 in 2022, when the rate fell to 0.5%. | en | 0.5 | 2022
The town had 40 poor households in 2021 and 12 in 2022, when the rate fell to 0.5%. | en | 40 | 2021
Năm 2021 có 40 hộ nghèo, năm 2022 còn 12 hộ, khi tỷ lệ nghèo chỉ còn 0,5%. | vi | 0,5 | 2022
Pada 2021 ada 40 rumah tangga miskin dan pada 2022 tinggal 12, ketika tingkatnya 0,5 persen. | id | 0,5 | 2022
In 2021, when the rate was 0.9%, the town had 40 poor households. | en | 0.9 | 2021
Standards for the 2016-2020 period were set.\\nA poor household earns under VND600,000 a month. | en | 600,000 | 2016-2020
In 2024 the line is VND2 million ($80), against VND900,000 ($36) in the previous term. | en | 900,000 | \\
In 2024 the line is VND2 million ($80), against VND900,000 ($36) in the previous term. | en | 36 | \\
In 2024 the line is VND2 million ($80), against VND900,000 ($36) in the previous term. | en | 80 | 2024
Năm 2024, chuẩn nghèo là 2 triệu đồng (trước đây 1,5 triệu đồng). | vi | 1,5 | \\
Ada 2,1 juta orang miskin. Ada 8 desa. Ada 9 kota. Pada Maret 2024 ada 3 desa. Pada Maret 2024 ada 5 kota. | id | 2,1 | 2024-03
Ada 2,1 juta orang miskin. Ada 8 desa. Ada 9 kota. Pada Maret 2024 ada 3 desa. Ada 5 kota pada 2023. | id | 2,1 | \\
For 2019-21 the fund lent VND8 trillion under Decree 12 issued in 2018. | en | 8 | 2019-2021
Incomes rose 120 percent over the 2010 levels. | en | 120 | \\
In 2023 the city had 40 communes. A recent survey found 7 poor villages. | en | 7 | \\
Pada Maret 2024 turun 0,33% poin dibandingkan periode yang sama tahun lalu. | id | 0,33 | 2023-2024
Tỷ lệ nghèo cuối năm 2018 giảm khoảng 3 – 4% so với cuối năm 2017. | vi | 4 | 2017-2018
Tính đến hết năm 2024, tỉnh còn 4.806 hộ nghèo. | vi | 4.806 | 2024-12-31
Loans reached VND 90 billion in 2024, up VND 12 billion on 2020. | en | 12 | 2020-2024
Pada Maret 2024 turun 0,5 poin dari 9% pada Maret 2023. Selisih provinsi A dan B 28,97 persen poin. | id | 28,97 | 2024-03
Bộ công bố kết quả rà soát hộ nghèo năm 2023.\\n\\nTỷ lệ nghèo đa chiều là 5,71%. | vi | 5,71 | 2023
date 2020-11-05 The province helped 1,250 households this year. | en | 1,250 | 2020
date 2020-11-05 This year it has 719 houses, under a plan it launched last year. | en | 719 | 2020
Hương Trà - 16:15, 11/02/2025\\n\\nNăm ngoái tỉnh có 12 xã nghèo. | vi | 12 | 2024
13, Dec. 2018\\n\\nThe province helped 1,250 households this year. | en | 1,250 | 2018
Release Date : January 15, 2025\\n\\nLast year the province helped 1,250 households. | en | 1,250 | 2024
The province helped 1,250 households this year. | en | 1,250 | \\
date 2019-01 Jakarta: kemiskinan berada pada angka 9,66 persen. | id | 9,66 | \\
Pada September 2018 sebesar 9,66 persen. Selisih penurunan 0,16 persen poin terhadap Maret 2018. | id | 0,16 | 2018
Pada September 2019 sebesar 9,22%. Turun 0,14% atau 360 ribu orang dari posisi Maret 2019. | id | 360 | 2019
Dibanding Maret 2018 jumlah penduduk miskin September 2018 turun sebanyak 13,1 ribu orang. | id | 13,1 | 2018
turun 262,1 ribu orang dari 15,81 juta pada Maret 2018 menjadi 15,54 juta pada September 2018 | id | 262,1 | 2018
In 2013 the rate was 7.8 per cent, 1.8 per cent lower than that of 2012. | en | 1.8 | 2012-2013
In 2013 the rate was 7.8 per cent.\\n\\nUnder a decision dated 2011, the poor earn below VND500,000. | en | 500,000 | \\
In 2013 the rate was 7.8 per cent.\\n\\nIn rural areas the poor are those with under VND400,000 a month. | en | 400,000 | \\
Năm 2023 tỷ lệ nghèo là 3%.\\n\\nHộ nghèo là hộ có thu nhập dưới 1,5 triệu đồng. | vi | 1,5 | \\
Pada Maret 2024 turun 87,20 ribu dibandingkan Maret 2023.\\n\\nYaitu dari 1,97 juta menjadi 1,87 juta. | id | 1,97 | 2023-03
Pada Maret 2024 turun 87,20 ribu dibandingkan Maret 2023.\\n\\nYaitu dari 1,97 juta menjadi 1,87 juta. | id | 1,87 | 2024-03
Pada Maret 2024 turun 87,20 ribu orang dibandingkan Maret 2023.\\n\\nDi perdesaan turun 0,53 persen. | id | 0,53 | 2023-2024
Pada Maret 2024 ada 3 desa.\\nBaca juga: Ada 5 desa tertinggal di Jawa | id | 5 | \\
In 2016 the rate was 9.8 percent.\\nOther News\\n- Hanoi to raise supply by 30%-35% for Tet | en | 35 | \\
Năm 2022 toàn tỉnh có 11.015 hộ nghèo, thấp hơn 1,89% so với năm 2021. | vi | 1,89 | 2021-2022
The rate stayed below 4 per cent by the end of 2019, a 1.3 per cent reduction compared to the end of 2018. | en | 1.3 | 2018-2019
For 2021-2025 the line rises from VND700,000, applicable in the 2016-2020 period, to VND1.5 million. | en | 700,000 | 2016-2020
Đến hết năm 2021, tỷ lệ nghèo còn 2,74%, giảm 0,68% so với đầu năm. | vi | 0,68 | 2021
Đến cuối năm 2022, tỷ lệ hộ nghèo giảm thêm từ 1-1,5%. | vi | 1 | 2022
About 6 million people moved out of poverty in four years through 2016. | en | 6 | 2012-2016
In two years through 2016 it declined by 13.2 percentage points, though the rate at 44.6 percent was high. | en | 44.6 | 2016
It fell from 5.4 percent in 2012 to 1.6 percent in 2016 while in rural parts from 22.1 percent to 13.6 percent. | en | 22.1 | 2012
In September 2024 it was 3.32 percent, down from March 2024, which was recorded at 3.55 percent. | en | 3.55 | 2024-03
In September 2024 it was 176.21 thousand people, a decrease of 8.22 thousand compared to March 2024. | en | 8.22 | 2024
Release Date : January 15, 2025\\n\\nFile Size : 4.845098 MB | en | 4.845098 | \\
It fell to 6.6% in 2016.\\nIt fell 1.85% a year in 2014-2016.\\nDr. A shows the report\\nOnly 45% have toilets. | en | 45 | 2016
Pada September 2019 turun 0,14% dari Maret 2019. Dibanding September 2018 turun 0,44%.\\n1. Di Papua turun 1% | id | 1#2 | 2019
Pada September 2019 turun 0,14% dari Maret 2019. Penurunan tertinggi adalah Papua 0,98%, NTB 0,68%. | id | 0,68 | 2019
Pada September 2019 turun 0,14% dari Maret 2019. Ada 33 provinsi yang mengalami penurunan. | id | 33 | 2019
In September 2019 the rate fell 0.14% from March 2019. 33 provinces saw a decrease. | en | 33 | 2019
Pada September 2024 jumlahnya turun 307,9 ribu orang dibanding periode enam bulan sebelumnya. | id | 307,9 | 2024
In June 2023 the rate fell 0.4 points compared with six months earlier. | en | 0.4 | 2022-2023
Tỷ lệ nghèo năm 2024 giảm 1,2% so với 2 năm trước. | vi | 1,2 | 2022-2024
The survey conducted in 2013 found 9 poor districts.\\n\\nLast year's survey found 7.8% were poor. | en | 7.8 | 2013
The survey conducted in 2013 found 9 poor districts.\\n\\nLast year's survey found 7.8%; the aim is 6% this year. | en | 6 | 2014
Incomes rose 120 percent over the 2010 levels. The aim is 160 percent over last year's levels this year. | en | 160 | \\
date 2020-12-03\\nThe plan cuts the rate by 1.5 per cent. Poor households will fall by 34 per cent this year. | en | 1.5 | 2020
Of the total, VND1.5 trillion comes from the State.\\nThe province aims to cut the rate by 2% a year by 2020. | en | 1.5 | \\
In six years 1.8 million people left poverty, down from 8.4 million in 2010 to 6.6 million in 2016. | en | 1.8 | 2010-2016
Năm 2024 giảm 6,26% (giảm từ 42,61% cuối năm 2023 xuống còn 36,35% cuối năm 2024). | vi | 6,26 | 2024
Pada Maret 2024 ada 9 desa.\\n\\nSurvei dilakukan 2 kali setiap tahunnya. | id | 2 | \\
In March 2023 the rate was 5 percent.\\n\\nFile Size : 3.64 MB | en | 3.64 | \\
Năm 2020 tỷ lệ giảm 5%, vượt mục tiêu Nghị quyết Đại hội là giảm 3%/năm. | vi | 3 | \\
Năm 2020 tỷ lệ giảm 5%, vượt mục tiêu Nghị quyết, có 2 huyện thoát nghèo. | vi | 2 | 2020
In 2020 the rate fell 5%. The target of Resolution 15 for 2025 is 3 percent. | en | 3 | 2025
Hương Trà - 16:15, 11/02/2025\\n\\nNăm 2022 có 2.100 hộ nghèo. Một năm sau chỉ còn 960 hộ. | vi | 960 | 2022
Kemiskinan Turun 0,30%\\n\\nPada Maret 2024 angkanya 10,47 persen, turun 0,30 persen dibanding Maret 2023. | id | 0,30 | 2023-2024
Năm 2022 tỷ lệ giảm 1,89% so với năm 2021. Trong năm 2022 có 3.507 hộ thoát nghèo. Tỷ lệ giảm 1,89%. | vi | 1,89#2 | 2022
For 2021-2025 the line is VND2 million ($80), against VND900,000 ($36) in the previous term. | en | 900,000 | 2016-2020
Pada Maret 2024 turun 0,5 persen dari Maret 2023.\\nSelama itu upah naik dari Rp2,2 juta menjadi Rp2,4 juta. | id | 2,2 | 2023-03
"""),
)
def test_periods(text: str, lang: str, written: str, period: str) -> None:
    """The sentence's own period, else the paragraph's lead (a range that is no named programme's life too), else
    the article's; an amount in brackets converted from another is of its period; "previously" is of none."""
    reading = _number(text, lang, written)
    assert reading.kind == FIGURE
    assert reading.period == period.strip("\\"), reading


@pytest.mark.parametrize(
    ("text", "lang", "written", "unit"),
    cases("""
có 5 xã, phường không còn hộ nghèo | vi | 5 | communes
12 thôn có đường mới | vi | 12 | villages
đạt 5/7 chỉ tiêu | vi | 5 | targets
xây 3 trường học | vi | 3 | schools
ada 34 Provinsi | id | 34 | provinces
sebanyak 940 ribu penduduk miskin | id | 940 | people
sebesar 9,03 persen | id | 9,03 | percent
turun 0,57 poin persentase | id | 0,57 | percentage_points
fell 0.33 percentage points | en | 0.33 | percentage_points
had 12,345 poorhouseholds | en | 12,345 | households
81 poor districts | en | 81 | districts
1.97 million poor and near-poor households | en | 1.97 | households
VND1.5 million per person | en | 1.5 | VND
sebesar Rp 582.932/kapita | id | 582.932 | IDR
xây 15 cây cầu | vi | 15 | cay_cau
turun 0,07 poin persen | id | 0,07 | percentage_points
yaitu dari 1,97 juta menjadi 1,87 juta orang | id | 1,97 | people
helped 1,250 poor households against a target of 1,000 under a plan | en | 1,000 | households
has 40 ethnic minorities with 200,000 people | en | 40 | ethnic_minorities
it decreased by 1.83 thousand (from 65.12 thousand people in March | en | 1.83 | people
was 11.8 percent, down 0.2 percentage points from 2022, and down 0.1 points from 2021 | en | 0.1 | percentage_points
dari total 150,2 juta angkatan kerja | id | 150,2 | people
rata-rata memiliki 4,9 anggota rumah tangga | id | 4,9 | members
học nghề dưới 6 tháng | vi | 6 | months
xây mới 30 căn | vi | 30 | houses
trao quà cho 172 cụ | vi | 172 | people
đã hỗ trợ 1.200 đối tượng | vi | 1.200 | people
memperbaiki 120 unit rumah warga | id | 120 | houses
memperbaiki 120 unit rumah warga.\\n\\nRinciannya, 80 unit di desa A dan 40 unit lainnya. | id | 80 | houses
selama 3 hari berturut-turut | id | 3 | days
a wall 12 meters high | en | 12 | meters
kecelakaan itu menelan 2 korban | id | 2 | people
có 4 địa phương đạt | vi | 4 | localities
đưa gần 500 người lao động đi làm việc | vi | 500 | workers
có 1.200 lượt khách hàng được vay vốn | vi | 1.200 | customers
"""),
)
def test_units(text: str, lang: str, written: str, unit: str) -> None:
    reading = _number(text, lang, written)
    assert reading.unit is not None and reading.unit.id == unit, reading


@pytest.mark.parametrize(
    ("text", "lang", "written", "kind", "value"),
    cases("""
ngày 7/1 vừa qua | vi | 7 | date | 7
từ (7/1) | vi | 1 | date | 1
phấn đấu 2/7 huyện | vi | 2 | figure | 2
Thứ Sáu, ngày 23 tháng 08 năm 2019 | vi | 08 | date | 8
Cập nhật 09:25:27 | vi | 25 | time | 25
1. Jawa Timur 3,9 juta orang | id | 1 | list | 1
1. Jawa Timur 3,9 juta orang | id | 3,9 | figure | 3900000
đạt mức độ 1 | vi | 1 | level | 1
pada Juli 3 lalu | id | 3 | date | 3
Decision123 of the ministry | en | 123 | document | 123
raised to VND1.5 million | en | 1.5 | figure | 1500000
from VND700,000 | en | 700,000 | figure | 700000
sebesar Rp123.456,- per bulan | id | 123.456 | figure | 123456
the QH15 session | en | 15 | name | 15
Saya berumur 16 tahun dan membaca | id | 16 | age | 16
a girl 12 years old read it | en | 12 | age | 12
6. Loans built 20 wells.\\n7. 100% of the children | en | 7 | list | 7
6. Loans built 20 wells\\n7. 100% of the children | en | 7 | list | 7
7. 100% of the children | en | 100 | figure | 100
sebesar 2,07 juta orang | id | 2,07 | figure | 2070000
ngày 30.3.2022 của Bộ | vi | 30 | date | 30
cao thứ tư trong 6 vùng của cả nước | vi | 6 | ordinal | 6
peringkat kedua dari 38 provinsi | id | 38 | ordinal | 38
1.Penduduk Miskin di Papua Turun Hampir 1% | id | 1 | list | 1
1.Penduduk Miskin di Papua Turun Hampir 1% | id | 1#2 | figure | 1
Jakarta, Senin, 1 Juli 2024. | id | 2024 | date | 2024
comprised approximately zero per cent of the population | en | zero | figure | 0
ước đến năm 2020 tỷ lệ hộ nghèo đạt 5% | vi | 2020 | year | 2020
Đề án số 09-ĐA/TU của tỉnh | vi | 09 | document | 9
vươn lên 2 bậc xếp hạng | vi | 2 | ordinal | 2
13, Dec. 2018 | en | 13 | date | 13
call 081-810-5100 or write to pst5100@bps.go.id | en | 081 | name | 81
call 081-810-5100 or write to pst5100@bps.go.id | en | 5100#2 | url | 5100
memiliki 4.71 orang anggota rumah tangga | id | 4.71 | figure | 4.71
supply of essential goods by 30%-35% for Tet | en | 35 | figure | 35
buka jam 08.00 - 15.30 WIB | id | 15.30 | time | 15.3
di Jl. Tambun Bungai No. 15 Kuala Kapuas | id | 15 | name | 15
di Jl. Tambun Bungai No. 15 Kuala Kapuas 73514 atau via email | id | 73514 | name | 73514
ethnic minorities aged 20-24 have | en | 24 | age | 24
sebanyak 352, 51 ribu orang | id | 352, 51 | figure | 352510
lihat di s.example.go.id/2024data | en | 2024 | url | 2024
to spend VND10b on a survey | en | 10b | figure | 10000000000
a budget of $2.5m and US$1.2b | en | 2.5m | figure | 2500000
a budget of $2.5m and US$1.2b | en | 1.2b | figure | 1200000000
spend $3.3 bln on the plan | en | 3.3 | figure | 3300000000
home to 5 mln people | en | 5 | figure | 5000000
a plot of 10m by 3b | en | 10 | figure | 10
"""),
)
def test_kinds_and_glued_numbers(text: str, lang: str, written: str, kind: str, value: str) -> None:
    reading = _number(text, lang, written)
    assert (reading.kind, reading.number.value) == (kind, float(value)), reading


@pytest.mark.parametrize(
    ("text", "lang", "written", "qualifier"),
    cases("""
còn dưới 40% | vi | 40 | under
under 5 percent | en | 5 | under
below 2,000 people | en | 2,000 | under
at least 300 workers | en | 300 | at_least
giảm từ 6% trở lên mỗi năm | vi | 6 | at_least
sekurang-kurangnya 10 orang | id | 10 | at_least
hơn 2.134 hộ | vi | 2.134 | more_than
giảm từ 42,61% xuống | vi | 42,61 | \\
an income below VND500,000 or $23 per head | en | 23 | under
less than VND650,000, or $31 a month | en | 31 | under
thấp hơn 1,89% so với năm 2021 | vi | 1,89 | \\
about 50,000 dong ($2.1) a day | en | 2.1 | about
sekitar 32 hingga 33 orang | id | 33 | about
about 3 to 4 per cent | en | 4 | about
giảm từ 5% tới 10% | vi | 10 | \\
a rate exceeding 40 percent | en | 40 | more_than
around 2,100 families, or 8.3 million people | en | 8.3 | about
"""),
)
def test_qualifiers(text: str, lang: str, written: str, qualifier: str) -> None:
    assert _number(text, lang, written).qualifier == qualifier.strip("\\")


@pytest.mark.parametrize(
    ("text", "lang", "written", "change", "target"),
    cases("""
Năm 2025, tỉnh phấn đấu giảm 4,7% tỷ lệ hộ nghèo. | vi | 4,7 | true | true
Năm 2024 giảm 6,26%, vượt chỉ tiêu tỉnh giao. | vi | 6,26 | true | false
It targets to reduce the rate by 1.5 percent. | en | 1.5 | true | true
The rate was 4.06 percent in 2024. | en | 4.06 | false | false
Loans reached VND 90 billion in 2024, up VND 12 billion on 2020. | en | 12 | true | false
Loans stood at VND 12 billion at the end of 2024. | en | 12 | false | false
The largest decreases were Papua 0.98% and Bali 0.68%. | en | 0.68 | true | false
Mức giảm cao nhất là huyện A 3%, huyện B 2%. | vi | 2 | true | false
Provinsi dengan penurunan terbesar, yaitu dari 10,06 persen menjadi 9 persen. | id | 10,06 | false | false
Its poverty reduction achievements are sustainable, with 98% still out of poverty. | en | 98 | false | false
"""),
)
def test_changes_and_goals(text: str, lang: str, written: str, change: str, target: str) -> None:
    reading = _number(text, lang, written)
    assert (reading.change, reading.target) == (change == "true", target == "true"), reading


def test_the_reader_is_a_plain_function_of_a_text() -> None:
    """What `pcli check` reuses: every number with value, unit, qualifier, period and kind, and no base."""
    readings = read("Năm 2024, toàn tỉnh có trên 11,7 nghìn hộ thoát nghèo, ngày 7/1.", "vi")
    figure = next(r for r in readings if r.kind == FIGURE)
    assert (figure.number.value, figure.unit and figure.unit.id, figure.qualifier, figure.period) == (
        11700,
        "households",
        "more_than",
        "2024",
    )
    assert [r.kind for r in readings] == ["year", FIGURE, "date", "date"]


def test_an_amount_converted_in_brackets_has_the_qualifier_of_the_amount_it_converts() -> None:
    readings = [r for r in read("A poor household earns less than VND700,000 ($31.40) a month.", "en") if r.kind == FIGURE]
    assert [(r.number.written, r.qualifier) for r in readings] == [("700,000", "under"), ("31.40", "under")]


def test_periods_named_relative_to_another() -> None:
    """Six months before September is March of the same year; a year before a bare year is the year before; six
    months before a bare year cannot be said; the term before 2021-2025 is 2016-2020."""
    assert [shifted("2024-09", 6), shifted("2024-01", 6), shifted("2024", 12), shifted("2024", 6)] == [
        "2024-03",
        "2023-07",
        "2023",
        "",
    ]
    assert (shifted("2024-12-31", 12), shifted("2024-12-31", 6)) == ("2023-12-31", "")
    assert (previous_term("2021-2025"), previous_term("2024"), previous_term("2024-03")) == ("2016-2020", "", "")


def test_the_year_an_undated_article_was_written() -> None:
    """Fixed by an event it names both with its year and relative to now; a year before the noun, a range, a
    measure named both ways ("hộ nghèo năm 2024", "hộ nghèo năm ngoái") are no such tie."""
    assert year_written("The survey conducted in 2013 … Last year's survey also found") == 2014
    assert year_written("Survei BPS tahun 2023 … survei tahun ini menunjukkan") == 2023
    assert year_written("over the 2010 levels … over last year's levels") == 0
    assert year_written("the plan for 2021-2025 … last year's plan") == 0
    assert year_written("Last year, it grew. In 2013 it fell.") == 0
    assert year_written("Hà Nội có 9 hộ nghèo năm 2024 … tỷ lệ hộ nghèo năm ngoái") == 0  # a measure is of many years


@pytest.mark.parametrize(
    ("text", "lang", "written", "period"),
    cases("""
12/05/2022\\n\\nTừ năm 2016 đến nay, tỉnh đã đào tạo 12.000 người. | vi | 12.000 | 2016-2022
12/05/2022\\n\\nTheo thống kê, hiện nay tỉnh có 319.000 người. | vi | 319.000 | 2022
May 12, 2022\\n\\nIn 2020 it had 9 communes. The province currently has 4,000 poor households. | en | 4,000 | 2022
12/05/2022\\n\\nSejak 2019 hingga saat ini, 300 desa dibangun. | id | 300 | 2019-2022
In 2020 the town had 40 communes. The town currently has 12 poor households. | en | 12 | \\
Pada Maret , ada 11,8 persen, turun 0,6 persen poin dari Maret 2023.\\n\\nMaret 2023: 9; Maret 2024: 5. | id | 11,8 | 2024-03
Pada Maret , ada 11,8 persen, turun 0,6 persen poin dari Maret 2023.\\n\\nMaret 2023: 9; Maret 2024: 5. | id | 0,6 | 2023-2024
Pada Agustus 2023 ada 5,4 persen. Perempuan 5,1 persen, turun 0,6 persen dibanding tahun sebelumnya. | id | 5,1 | 2023-08
Pada Agustus 2023 ada 5,4 persen. Perempuan 5,1 persen, turun 0,6 persen dibanding tahun sebelumnya. | id | 0,6 | 2022-2023
Agustus 2023: 6,4 persen, turun dibanding periode yang sama tahun sebelumnya, yang sebesar 7,7 persen. | id | 7,7 | 2022-08
Pada Agustus 2023 ada 7,8 juta penganggur, turun dibanding Agustus 2022, yang mencapai 8,4 juta orang. | id | 8,4 | 2022-08
Năm 2021, 340 người học nghề dưới 3 tháng. | vi | 3 | \\
02/03/2022\\nRate reaches 45.6%\\nThe rate reached 45.6% in 2021. | en | 45.6 | 2021
Tỷ lệ nghèo năm 2019 là 6,2%, giảm 1,4%. Tỷ lệ ở vùng cao là 12,5% (giảm 2,5%). | vi | 1,4 | 2018-2019
Tỷ lệ nghèo năm 2019 là 6,2%, giảm 1,4%. Tỷ lệ ở vùng cao là 12,5% (giảm 2,5%). | vi | 2,5 | 2018-2019
Năm 2019, huyện A đạt 150% (giảm 3% so với 2% kế hoạch). | vi | 3 | 2019
Năm 2019 tỷ lệ là 6,2%. Con số này của năm 2018 là 7,1%. Vùng cao có 12 xã nghèo. | vi | 12 | 2019
In 2019 the rate was 6.2%. That figure in 2018 was 7.1%. The uplands had 12 poor communes. | en | 12 | 2019
The fund said as of June 30, 2019, its loans reached VND12 trillion. | en | 12 | 2019-06-30
Tính đến ngày 15/10/2019, huyện đã hỗ trợ 900 người. | vi | 900 | 2019-10-15
Hingga tanggal 30 Juni 2019, bantuan mencapai 400 keluarga. | id | 400 | 2019-06-30
Thứ Hai, ngày 15/10/2019\\n\\nCả nước còn 5 tỉnh. | vi | 5 | \\
1. A 12,5 Ribu\\n2. B 8,2 Ribu\\nBerdasarkan data tersebut, turun dari Maret 2018 hingga Maret 2019. | id | 8,2 | 2019-03
1. A 12,5 Ribu 9,1 Persen\\n2. B 8,2 Ribu\\nAngka turun dari Maret 2018 hingga Maret 2019. | id | 8,2 | \\
Jumlahnya 26,3 juta pada Maret tahun 2019. | id | 26,3 | 2019-03
 date 2019-11 Tính đến nay, huyện đã xây 48 căn nhà. | vi | 48 | 2019
 date 2019-11 Từ đầu năm đến nay, xã đã trao quà cho 36 cụ. | vi | 36 | 2019
 date 2019-11 Trong năm, huyện giải quyết việc làm cho 900 người, giảm 12% so cùng kỳ. | vi | 900 | 2019
 date 2019-11 Trong năm, huyện giải quyết việc làm cho 900 người, giảm 12% so cùng kỳ. | vi | 12 | 2018-2019
 date 2019-11 Từ năm 2016 đến nay, huyện đã xây 48 căn nhà. | vi | 48 | 2016-2019
Tính đến nay, huyện đã xây 48 căn nhà. | vi | 48 | \\
Theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025, đến cuối năm 2023, xã có 120 hộ nghèo (12,5%). | vi | 12,5 | 2023-12-31
The province targets to cut the rate to 3% by 2025, from the current rate of 6.2%. | en | 3 | 2025
The province targets to cut the rate to 3% by 2025, from the current rate of 6.2%. | en | 6.2 | \\
Xã A giảm 4,2%\\nSáng nay, xã rà soát hộ nghèo của năm 2021.\\n\\nTheo đó, thị trấn giảm 3,1%. | vi | 3,1 | 2021
"""),
)
def test_periods_a_careful_reader_reads(text: str, lang: str, written: str, period: str) -> None:
    """What a careful reader reads in any article: "from 2016 to now" spans to the year the article was written,
    "now" is that year (and no year at all in an article whose date is unknown); a month a page wrote without its
    year is of the latest year the article names it with; a change compared with "the year before" spans from the
    year before its own period; the value a comparison had is of the compared period; a length of time is of no
    period; a headline line above the body is dated by the body that states its figure again; "so far" with no
    year it runs from ("tính đến nay", "từ đầu năm đến nay", "trong năm") is the year the article was written, and
    "so (với) cùng kỳ" with no year after it compares with the same period a year before; a change said just after
    the level of a year it is the change of ("là 6,2%, giảm 1,4%") is from the year before, a plan's share achieved
    ("đạt 150%") is no such level; a sentence that gives the figure just said as it was at another time ("con số
    này của năm 2018") does not date the sentences after it; a day a stock is counted at ("as of June 30, 2019",
    "tính đến ngày 15/10/2019") is the figure's period, though a date alone dates only the page; a sentence that
    refers to the data just given ("Berdasarkan data tersebut, … Maret 2019") dates the figures above it."""
    reading = _number(text, lang, written)
    assert reading.kind == FIGURE
    assert reading.period == period.strip("\\"), reading


def test_a_change_its_own_period_opens_spans_the_from_to_after_it() -> None:
    """A change in March 2024 followed by its from (March 2023) and to (March 2024) spans 2023-2024."""
    text = ("Jumlah warga miskin di wilayah kota pada Maret 2024 turun sebanyak 0,3 ribu orang, dari 92,1 ribu orang pada"
            " Maret 2023 menjadi 91,8 ribu orang pada Maret 2024.")  # fmt: skip
    assert _number(text, "id", "0,3").period == "2023-2024"


def test_a_range_of_two_months_dates_the_ends_of_the_from_to_after_it() -> None:
    """A change over "Maret 2023–Maret 2024" dates the two ends of a later bare from→to by the range's months."""
    text = ("Pada periode Juli 2021–Juli 2022, jumlah warga miskin kota turun sebesar 0,2 juta orang.\n"
            "Persentase warga miskin kota turun dari 8,1 persen menjadi 7,6 persen.")  # fmt: skip
    assert (_number(text, "id", "8,1").period, _number(text, "id", "7,6").period) == ("2021-07", "2022-07")
    assert _number(text, "id", "0,2").period == "2021-2022"


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    cases("""
Angka kemiskinan turun.\\n1. Kota A 12,5 Ribu 9,1 Persen | 12,5 | people
Angka kemiskinan turun dari 26,3 juta September 2019 menjadi 25,8 juta. | 26,3 | people
Ekspor naik.\\n1. Kota A 12,5 Ribu 9,1 Persen | 12,5 | \\
"""),
)
def test_units_a_careful_reader_gives_a_bare_number(text: str, written: str, unit: str) -> None:
    """A count in thousands or millions with no noun, in an article whose measure is the number of the poor
    ("angka kemiskinan"), counts people (in another article it stays unnamed); a month's name after a number names
    no unit."""
    reading = _number(text, "id", written)
    assert (reading.unit.id if reading.unit else "") == unit.strip("\\"), reading


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("penduduk miskin\ndi desa berkurang", 1),
        ("penduduk miskin.\ndi desa", 2),
        ("Profil Kemiskinan\nDi desa", 2),
        ("Rinciannya:\nsatu, dua", 2),
        ("jumlah 12\nribu orang", 2),
    ],  # fmt: skip
)
def test_a_line_that_wraps_a_sentence_does_not_end_it(text: str, count: int) -> None:
    """A newline ends a sentence unless it only wraps it: a letter ends the line, a small letter starts the next."""
    assert len(list(sentences(text))) == count
