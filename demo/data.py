"""The demo catalogue: Hanoi craft villages, producers and OCOP products.

Built from the seed articles and domain notes (shared/seeds, shared/domain.md): the villages,
crafts and producers named there, with plausible products, prices and certificates. It is
illustrative data, flagged `is_demo`, never an official OCOP record. Coordinates are
approximate. Communes after the 2025 reform are real units (villages/data/hanoi_communes_2025.csv):
each village's old commune mapped by the old→new table of `vietnamadminunits` 1.0.4
(converter_2025.json); where an old commune was split, the unit that table names as its
default; None where the village's old commune is not in that table (merged before 2025).
"""

# slug, name, district slug, current commune/ward (official name, or None: not known), crafts, recognised year or None,
# latitude, longitude, description (vi), description (en)
VILLAGES = [
    ("bat-trang", "Bát Tràng", "gia-lam", "Xã Bát Tràng", ["ceramics"], 1958, 20.9757, 105.9135,
     "Làng gốm hơn 700 năm bên sông Hồng, với hơn 100 nghệ nhân, gần 200 doanh nghiệp và khoảng 1.000 hộ làm gốm.",
     "A 700-year-old pottery village on the Red River: over 100 artisans, nearly 200 companies and about 1,000 households make ceramics."),
    ("van-phuc", "Vạn Phúc", "ha-dong", "Phường Hà Đông", ["silk-weaving"], 2001, 20.9785, 105.7745,
     "Làng lụa nổi tiếng nhất Hà Nội, dệt lụa tơ tằm từ hơn một nghìn năm.",
     "Hanoi's best-known silk village, weaving mulberry silk for over a thousand years."),
    ("chuyen-my", "Chuyên Mỹ", "phu-xuyen", "Xã Chuyên Mỹ", ["mother-of-pearl", "lacquer"], 2004, 20.7365, 105.8785,
     "Cái nôi của nghề khảm trai và sơn mài, tranh và đồ gỗ khảm xuất khẩu.",
     "The cradle of mother-of-pearl inlay and lacquer: inlaid pictures and furniture for export."),
    ("van-tu", "Vân Từ", "phu-xuyen", "Xã Chuyên Mỹ", ["garments"], 2008, 20.7700, 105.8950,
     "Làng may truyền thống, nổi tiếng với áo dài và comple may đo.",
     "A traditional tailoring village known for made-to-measure áo dài and suits."),
    ("phu-yen", "Phú Yên", "phu-xuyen", "Xã Chuyên Mỹ", ["leather-shoes"], 2010, 20.7530, 105.9020,
     "Làng nghề giày da thủ công cung cấp cho thị trường Hà Nội.",
     "A handmade leather shoe village supplying Hanoi's markets."),
    ("phu-tuc", "Phú Túc", "phu-xuyen", "Xã Phượng Dực", ["rattan-bamboo"], 2005, 20.7250, 105.8450,
     "Làng mây tre đan và bèo bồng xuất khẩu, có cụm công nghiệp làng nghề.",
     "A rattan, bamboo and water-hyacinth weaving village with its own craft industrial cluster."),
    ("xuan-la", "Xuân La", "phu-xuyen", "Xã Phượng Dực", ["to-he"], 2014, 20.7300, 105.8700,
     "Quê hương của tò he, đồ chơi dân gian nặn từ bột gạo nhiều màu.",
     "Home of tò he, folk toy figurines shaped from coloured rice dough."),
    ("tan-dan", "Tân Dân", "phu-xuyen", "Xã Chuyên Mỹ", ["woodwork"], None, 20.7450, 105.8700,
     "Làng mộc đồ gỗ nội thất.", "A village of wooden furniture makers."),
    ("van-nhan", "Văn Nhân", "phu-xuyen", None, ["woodwork"], None, 20.7600, 105.8850,
     "Làng mộc dân dụng và đồ gỗ mỹ nghệ.", "Household and fine-art woodwork."),
    ("son-ha", "Sơn Hà", "phu-xuyen", None, ["woodwork", "lacquer"], 2012, 20.7800, 105.9000,
     "Làng nghề gỗ sơn mài, nhiều sản phẩm OCOP 4 sao.",
     "A lacquered woodcraft village with several 4-star OCOP products."),
    ("phu-vinh", "Phú Vinh", "chuong-my", "Xã Phú Nghĩa", ["rattan-bamboo"], 1999, 20.9090, 105.6740,
     "Làng mây tre đan tinh xảo bậc nhất Việt Nam.", "Vietnam's finest rattan and bamboo weaving."),
    ("ha-thai", "Hạ Thái", "thuong-tin", "Xã Hồng Vân", ["lacquer"], 2002, 20.8680, 105.8650,
     "Làng sơn mài truyền thống với tranh và đồ trang trí sơn ta.",
     "A traditional lacquerware village: paintings and decorative objects in natural lacquer."),
    ("phung-xa", "Phùng Xá", "my-duc", "Xã Hồng Sơn", ["lotus-silk", "silk-weaving"], 2016, 20.7000, 105.7400,
     "Nơi dệt tơ sen hiếm có, sợi rút từ cuống sen (khác Phùng Xá của Thạch Thất).",
     "Where the rare lotus silk is woven from fibres drawn from lotus stems (not the Phùng Xá of Thạch Thất)."),
    ("quang-an", "Quảng An", "tay-ho", "Phường Tây Hồ", ["lotus-tea"], 2015, 21.0650, 105.8230,
     "Làng ướp trà sen Tây Hồ, mỗi cân trà ướp hương từ hàng nghìn bông sen.",
     "The West Lake lotus tea village: each kilo of tea is scented with a thousand lotus flowers."),
    ("son-dong", "Sơn Đồng", "hoai-duc", "Xã Sơn Đồng", ["woodwork"], 2003, 21.0430, 105.6980,
     "Làng điêu khắc tượng gỗ và đồ thờ truyền thống.", "A village of wooden statue carving and traditional altar pieces."),
    ("la-phu", "La Phù", "hoai-duc", "Xã An Khánh", ["confectionery", "knitting"], 2006, 21.0000, 105.7300,
     "Làng dệt kim và bánh kẹo lớn nhất miền Bắc.", "Northern Vietnam's largest knitting and confectionery village."),
    ("minh-khai", "Minh Khai", "hoai-duc", "Xã Dương Hòa", ["food-processing", "vermicelli"], 2009, 21.0700, 105.7250,
     "Làng chế biến nông sản, miến dong và bún khô.", "Food processing: arrowroot vermicelli and dried rice noodles."),
    ("huu-bang", "Hữu Bằng", "thach-that", None, ["woodwork", "garments"], 2007, 21.0330, 105.6080,
     "Làng mộc và may mặc với hàng nghìn xưởng gia đình.", "Carpentry and sewing in thousands of family workshops."),
    ("thiet-ung", "Thiết Úng", "dong-anh", "Xã Thư Lâm", ["woodwork"], 2005, 21.1500, 105.8700,
     "Làng mỹ nghệ gỗ truyền thống, điêu khắc và khảm gỗ.", "Traditional fine-art woodcraft: carving and wood inlay."),
    ("duong-lam", "Đường Lâm", "son-tay", "Phường Sơn Tây", ["food-processing", "soy-sauce"], None, 21.1550, 105.4750,
     "Làng cổ đá ong với chè lam, tương và kẹo dồi.", "An ancient laterite village known for chè lam sweets, soy sauce and peanut candy."),
    ("chuong", "Chuông", "thanh-oai", "Xã Thanh Oai", ["conical-hats"], 2008, 20.8270, 105.7780,
     "Làng nón lá Chuông, mỗi chiếc nón khâu tay nhiều lớp lá cọ.", "Chuông conical hats, each hand-stitched from layers of palm leaves."),
    ("cu-da", "Cự Đà", "thanh-oai", "Xã Bình Minh", ["soy-sauce", "vermicelli"], 2010, 20.9250, 105.7680,
     "Làng tương và miến dong bên sông Nhuệ.", "Soy sauce and arrowroot vermicelli on the Nhuệ river."),
]

# slug, name, kind, village slug or None, district slug, phone, stars to aim for
PRODUCERS = [
    ("gom-quang-vinh", "Gốm Quang Vinh", "enterprise", "bat-trang", "gia-lam", "0243 874 0123"),
    ("gom-su-minh-hai", "Xưởng gốm Minh Hải", "household", "bat-trang", "gia-lam", "0912 345 601"),
    ("htx-gom-bat-trang", "HTX Gốm sứ Bát Tràng", "cooperative", "bat-trang", "gia-lam", "0243 874 0456"),
    ("lua-van-phuc-phuong-nhung", "Lụa Vạn Phúc Phương Nhung", "household", "van-phuc", "ha-dong", "0912 345 602"),
    ("htx-lua-van-phuc", "HTX Dệt lụa Vạn Phúc", "cooperative", "van-phuc", "ha-dong", "0243 382 0211"),
    ("kham-trai-chuyen-my", "Khảm trai Chuyên Mỹ Tiến Đạt", "enterprise", "chuyen-my", "phu-xuyen", "0913 222 603"),
    ("son-mai-chuyen-my", "Sơn mài Hùng Cường", "household", "chuyen-my", "phu-xuyen", "0913 222 604"),
    ("may-van-tu", "May đo Vân Từ Thu Hà", "household", "van-tu", "phu-xuyen", "0913 222 605"),
    ("giay-da-phu-yen", "Giày da Phú Yên Hưng Thịnh", "enterprise", "phu-yen", "phu-xuyen", "0913 222 606"),
    ("may-tre-hien-luong", "Mây tre đan Hiền Lương", "enterprise", "phu-tuc", "phu-xuyen", "0913 222 607"),
    ("to-he-xuan-la", "Tò he nghệ nhân Đặng Văn Hậu", "household", "xuan-la", "phu-xuyen", "0913 222 608"),
    ("noi-that-tan-dan", "Nội thất gỗ Tân Dân", "enterprise", "tan-dan", "phu-xuyen", "0913 222 609"),
    ("go-van-nhan", "Đồ gỗ Văn Nhân", "household", "van-nhan", "phu-xuyen", "0913 222 610"),
    ("son-mai-bui-xuan-loi", "Đồ gỗ sơn mài Bùi Xuân Lợi", "household", "son-ha", "phu-xuyen", "0913 222 611"),
    ("may-tre-phu-vinh", "HTX Mây tre giang đan Phú Vinh", "cooperative", "phu-vinh", "chuong-my", "0914 333 612"),
    ("son-mai-ha-thai", "Sơn mài Hạ Thái Duy Thành", "enterprise", "ha-thai", "thuong-tin", "0914 333 613"),
    ("to-sen-phung-xa", "Tơ sen Phùng Xá Phan Thị Thuận", "household", "phung-xa", "my-duc", "0914 333 614"),
    ("tra-sen-quang-an", "Trà sen Quảng An Hương Sen", "household", "quang-an", "tay-ho", "0914 333 615"),
    ("tuong-go-son-dong", "Tượng gỗ Sơn Đồng Nguyễn Văn Úy", "household", "son-dong", "hoai-duc", "0914 333 616"),
    ("banh-keo-la-phu", "Bánh kẹo La Phù Tâm Đức", "enterprise", "la-phu", "hoai-duc", "0914 333 617"),
    ("det-kim-la-phu", "Dệt kim La Phù An Phát", "enterprise", "la-phu", "hoai-duc", "0914 333 618"),
    ("mien-minh-khai", "Miến dong Minh Khai", "household", "minh-khai", "hoai-duc", "0914 333 619"),
    ("go-huu-bang", "Mộc mỹ nghệ Hữu Bằng", "household", "huu-bang", "thach-that", "0915 444 620"),
    ("my-nghe-thiet-ung", "Mỹ nghệ gỗ Thiết Úng Hoàng Long", "enterprise", "thiet-ung", "dong-anh", "0915 444 621"),
    ("tuong-duong-lam", "Tương Đường Lâm Bà Hạnh", "household", "duong-lam", "son-tay", "0915 444 622"),
    ("che-lam-duong-lam", "Chè lam Đường Lâm Thanh Nga", "household", "duong-lam", "son-tay", "0915 444 623"),
    ("non-la-chuong", "Nón lá làng Chuông", "cooperative", "chuong", "thanh-oai", "0915 444 624"),
    ("tuong-cu-da", "Tương Cự Đà Vạn Thành", "household", "cu-da", "thanh-oai", "0915 444 625"),
    ("gom-hoang-anh", "Gốm sứ Bát Tràng Hoàng Anh", "household", "bat-trang", "gia-lam", "0912 345 631"),
    ("lua-ha-dong-my-lan", "Lụa tơ tằm Hà Đông Mỹ Lan", "household", "van-phuc", "ha-dong", "0912 345 632"),
    ("may-tre-thanh-tung", "Mây tre Phú Vinh Thanh Tùng", "household", "phu-vinh", "chuong-my", "0914 333 633"),
    ("son-mai-thanh-binh", "Sơn mài Hạ Thái Thanh Bình", "household", "ha-thai", "thuong-tin", "0914 333 634"),
    ("htx-chu-quyen", "HTX Nông nghiệp Chu Quyến", "cooperative", None, "ba-vi", "0916 555 626"),
    ("du-lich-hong-van", "HTX Du lịch cộng đồng Hồng Vân", "cooperative", None, "thuong-tin", "0916 555 627"),
    ("duoc-lieu-ba-vi", "HTX Dược liệu Ba Vì", "cooperative", None, "ba-vi", "0916 555 628"),
    ("hoa-me-linh", "HTX Hoa Mê Linh", "cooperative", None, "me-linh", "0916 555 629"),
    ("ruou-lang-van", "Rượu làng Vân truyền thống", "household", None, "soc-son", "0916 555 630"),
]

# Product templates per craft (or per producer kind of goods):
# (name vi, name en, unit vi, unit en, product set, base price in VND, kind)
# The kind names the picture (demo.pictures.KINDS) and, where a craft makes
# different things in different ways, the production steps (PROCESSES below).
PRODUCT_TEMPLATES = {
    "ceramics": [
        ("Bình hút lộc men lam", "Blue-glaze lucky pot", "chiếc", "piece", "handicrafts-decor", 650_000, "lucky-pot"),
        ("Ấm chén men rạn", "Crackle-glaze tea set", "bộ", "set", "handicrafts-decor", 850_000, "teaset"),
        ("Lọ hoa men hoa biến", "Flambé-glaze flower vase", "chiếc", "piece", "handicrafts-decor", 450_000, "vase"),
        ("Bộ bát đĩa men gio", "Ash-glaze tableware set", "bộ", "set", "handicrafts-decor", 1_200_000, "bowl"),
        ("Đĩa sứ vẽ tay sen", "Hand-painted lotus plate", "chiếc", "piece", "handicrafts-decor", 350_000, "plate"),
        ("Cốc gốm men nâu", "Brown-glaze mug", "chiếc", "piece", "handicrafts-decor", 120_000, "cup"),
    ],
    "silk-weaving": [
        ("Khăn lụa tơ tằm Vạn Phúc", "Vạn Phúc mulberry silk scarf", "chiếc", "piece", "handicrafts-fabric", 450_000, "scarf"),
        ("Lụa vân hoa may áo dài", "Patterned silk for áo dài", "mét", "metre", "handicrafts-fabric", 380_000, "fabric"),
        ("Cà vạt lụa tơ tằm", "Mulberry silk tie", "chiếc", "piece", "handicrafts-fabric", 250_000, "tie"),
        ("Áo dài lụa tơ tằm", "Silk áo dài", "bộ", "set", "handicrafts-fabric", 2_500_000, "ao-dai"),
    ],
    "lotus-silk": [
        ("Khăn tơ sen", "Lotus silk scarf", "chiếc", "piece", "handicrafts-fabric", 4_500_000, "scarf"),
        ("Cà vạt tơ sen", "Lotus silk tie", "chiếc", "piece", "handicrafts-fabric", 3_200_000, "tie"),
    ],
    "lacquer": [
        ("Tranh sơn mài phong cảnh", "Lacquer landscape painting", "bức", "piece", "handicrafts-decor", 3_500_000, "painting"),
        ("Hộp sơn mài đựng trang sức", "Lacquer jewellery box", "chiếc", "piece", "handicrafts-decor", 550_000, "box"),
        ("Bát sơn mài vỏ trứng", "Eggshell lacquer bowl", "chiếc", "piece", "handicrafts-decor", 420_000, "bowl"),
        ("Khay sơn mài", "Lacquer tray", "chiếc", "piece", "handicrafts-decor", 680_000, "tray"),
    ],
    "mother-of-pearl": [
        ("Tranh khảm trai Văn Miếu", "Temple of Literature mother-of-pearl picture", "bức", "piece", "handicrafts-decor", 5_800_000, "pearl-picture"),
        ("Hộp gỗ khảm trai", "Mother-of-pearl inlaid wooden box", "chiếc", "piece", "handicrafts-decor", 950_000, "box"),
        ("Khay trà khảm trai", "Mother-of-pearl tea tray", "chiếc", "piece", "handicrafts-decor", 1_250_000, "tray"),
    ],
    "rattan-bamboo": [
        ("Giỏ mây đan tay", "Hand-woven rattan basket", "chiếc", "piece", "handicrafts-decor", 280_000, "basket"),
        ("Đèn tre trang trí", "Decorative bamboo lamp", "chiếc", "piece", "handicrafts-decor", 520_000, "lamp"),
        ("Khay mây đựng hoa quả", "Rattan fruit tray", "chiếc", "piece", "handicrafts-decor", 190_000, "woven-tray"),
        ("Túi cói thời trang", "Sedge handbag", "chiếc", "piece", "handicrafts-decor", 350_000, "handbag"),
        ("Bộ hộp bèo bồng", "Water-hyacinth storage boxes", "bộ", "set", "handicrafts-decor", 620_000, "woven-box"),
    ],
    "woodwork": [
        ("Tượng gỗ Phật Di Lặc", "Carved wooden Maitreya statue", "pho", "piece", "handicrafts-decor", 4_200_000, "statue"),
        ("Bàn trà gỗ hương", "Rosewood tea table", "chiếc", "piece", "handicrafts-decor", 8_500_000, "table"),
        ("Hộp gỗ sơn mài đựng trà", "Lacquered wooden tea caddy", "chiếc", "piece", "handicrafts-decor", 390_000, "box"),
        ("Tranh gỗ khắc chữ Phúc", "Carved wooden 'Phúc' panel", "bức", "piece", "handicrafts-decor", 1_600_000, "carved-panel"),
        ("Ghế gỗ tần bì", "Ash-wood chair", "chiếc", "piece", "handicrafts-decor", 1_900_000, "chair"),
    ],
    "garments": [
        ("Áo dài may đo", "Made-to-measure áo dài", "bộ", "set", "handicrafts-fabric", 1_800_000, "ao-dai"),
        ("Bộ comple nam", "Men's tailored suit", "bộ", "set", "handicrafts-fabric", 3_200_000, "suit"),
        ("Sơ mi nữ lụa", "Women's silk shirt", "chiếc", "piece", "handicrafts-fabric", 650_000, "shirt"),
    ],
    "leather-shoes": [
        ("Giày da nam thủ công", "Handmade men's leather shoes", "đôi", "pair", "handicrafts-fabric", 950_000, "shoes"),
        ("Giày búp bê da nữ", "Women's leather ballet flats", "đôi", "pair", "handicrafts-fabric", 620_000, "flats"),
        ("Dép da quai ngang", "Leather slide sandals", "đôi", "pair", "handicrafts-fabric", 380_000, "sandals"),
    ],
    "to-he": [
        ("Bộ tò he 12 con giáp", "Tò he zodiac set of 12", "bộ", "set", "handicrafts-decor", 240_000, "to-he-set"),
        ("Tò he hình Thánh Gióng", "Thánh Gióng tò he figure", "con", "piece", "handicrafts-decor", 45_000, "to-he"),
    ],
    "conical-hats": [
        ("Nón lá Chuông", "Chuông conical hat", "chiếc", "piece", "handicrafts-decor", 150_000, "conical-hat"),
        ("Nón quai thao", "Quai thao flat hat", "chiếc", "piece", "handicrafts-decor", 420_000, "flat-hat"),
    ],
    "lotus-tea": [
        ("Trà sen Tây Hồ ướp bông", "West Lake lotus-scented tea", "hộp 100 g", "100 g box", "food-tea", 1_500_000, "tea-tin"),
        ("Trà sen Quảng An túi lọc", "Quảng An lotus tea bags", "hộp 25 túi", "box of 25 bags", "food-tea", 180_000, "tea-box"),
        ("Trà tâm sen", "Lotus embryo tea", "hộp 200 g", "200 g box", "food-herbal-tea", 220_000, "tea-jar"),
    ],
    "confectionery": [
        ("Bánh chè lam", "Chè lam ginger rice cake", "hộp 500 g", "500 g box", "food-cereal-products", 90_000, "rice-cake"),
        ("Kẹo lạc vừng", "Peanut and sesame candy", "gói 300 g", "300 g pack", "food-produce-products", 55_000, "candy"),
        ("Bánh cốm", "Green rice cake", "hộp 6 chiếc", "box of 6", "food-cereal-products", 120_000, "com-cake"),
    ],
    "knitting": [
        ("Áo len dệt kim", "Knitted wool sweater", "chiếc", "piece", "handicrafts-fabric", 320_000, "sweater"),
        ("Khăn len dệt kim", "Knitted scarf", "chiếc", "piece", "handicrafts-fabric", 150_000, "knit-scarf"),
    ],
    "food-processing": [
        ("Kẹo dồi lạc", "Peanut candy bar", "gói 250 g", "250 g pack", "food-produce-products", 60_000, "candy"),
        ("Chè lam gừng", "Ginger chè lam", "hộp 400 g", "400 g box", "food-cereal-products", 75_000, "rice-cake"),
        ("Gạo nếp cái hoa vàng", "Yellow-flower sticky rice", "túi 2 kg", "2 kg bag", "food-grains", 110_000, "rice-bag"),
    ],
    "vermicelli": [
        ("Miến dong", "Arrowroot glass noodles", "gói 500 g", "500 g pack", "food-cereal-products", 65_000, "glass-noodles"),
        ("Bún khô", "Dried rice vermicelli", "gói 500 g", "500 g pack", "food-cereal-products", 40_000, "rice-noodles"),
    ],
    "soy-sauce": [
        ("Tương nếp truyền thống", "Traditional sticky-rice soy sauce", "chai 500 ml", "500 ml bottle", "food-sauces", 55_000, "sauce-bottle"),
        ("Tương bần", "Bần soy sauce", "chai 1 lít", "1 litre bottle", "food-sauces", 85_000, "sauce-bottle"),
    ],
}

# Producers without a village make goods of other OCOP groups.
PRODUCER_GOODS = {
    "htx-chu-quyen": [
        ("Rau cải ngọt hữu cơ", "Organic choy sum", "bó 500 g", "500 g bunch", "food-fresh-produce", 25_000, "greens"),
        ("Su su Ba Vì", "Ba Vì chayote", "kg", "kg", "food-fresh-produce", 20_000, "chayote"),
        ("Cà chua an toàn", "Safe-grown tomatoes", "kg", "kg", "food-fresh-produce", 30_000, "tomatoes"),
        ("Rau muống hữu cơ", "Organic water spinach", "bó 500 g", "500 g bunch", "food-fresh-produce", 18_000, "greens"),
    ],
    "du-lich-hong-van": [
        ("Trải nghiệm du lịch cộng đồng Hồng Vân", "Hồng Vân community tourism day", "người", "person", "tourism-services", 350_000, "tour"),
        ("Tour làng nghề sơn mài Hạ Thái", "Hạ Thái lacquer village tour", "người", "person", "tourism-services", 450_000, "tour"),
    ],
    "duoc-lieu-ba-vi": [
        ("Cao cà gai leo", "Cà gai leo herbal extract", "lọ 100 g", "100 g jar", "herbs-medicine", 180_000, "herb-jar"),
        ("Trà giảo cổ lam", "Jiaogulan herbal tea", "hộp 200 g", "200 g box", "food-herbal-tea", 120_000, "tea-box"),
        ("Tinh dầu sả chanh", "Lemongrass essential oil", "chai 50 ml", "50 ml bottle", "herbs-oils", 95_000, "oil-bottle"),
        ("Xà phòng thảo dược Dao đỏ", "Red Dao herbal soap", "bánh", "bar", "herbs-cosmetics", 45_000, "soap"),
    ],
    "hoa-me-linh": [
        ("Hoa hồng Mê Linh", "Mê Linh roses", "bó 20 bông", "bunch of 20", "ornamental-flowers", 150_000, "flowers"),
        ("Lan hồ điệp chậu", "Potted moth orchid", "chậu", "pot", "ornamental-plants", 650_000, "orchid"),
        ("Cây bonsai sanh", "Ficus bonsai", "chậu", "pot", "ornamental-plants", 2_400_000, "bonsai"),
        ("Cá chép Koi giống", "Koi carp fry", "con", "fish", "ornamental-animals", 180_000, "koi"),
    ],
    "ruou-lang-van": [
        ("Rượu làng Vân", "Làng Vân rice wine", "chai 500 ml", "500 ml bottle", "beverages-spirits", 160_000, "wine-bottle"),
        ("Rượu nếp cái hoa vàng", "Yellow-flower sticky rice wine", "chai 700 ml", "700 ml bottle", "beverages-spirits", 210_000, "wine-bottle"),
        ("Nước ép bưởi Diễn", "Diễn pomelo juice", "chai 330 ml", "330 ml bottle", "beverages-soft", 35_000, "juice"),
    ],
}

# What each product is, in a shopper's words: material, technique, size and use.
# load_demo adds a sentence about the maker (MAKER_LINES), so two workshops that make the
# same thing never read alike.
PRODUCT_DESCRIPTIONS = {
    # ceramics (Bát Tràng)
    "Bình hút lộc men lam": (
        "Bình hút lộc dáng tròn có nắp, vẽ mây và hoa văn cát tường bằng men lam trên nền men trắng ngà, nung ở khoảng 1.250 °C. Cao khoảng 30 cm, đặt ở bàn làm việc hoặc quầy hàng để cầu tài lộc, hay làm quà mừng khai trương.",
        "A round lidded lucky pot painted with clouds and auspicious motifs in cobalt blue on an ivory glaze, fired at about 1,250 °C. About 30 cm tall, kept on a desk or shop counter for good fortune, or given as an opening gift."),
    "Ấm chén men rạn": (
        "Bộ ấm chén gồm một ấm 350 ml và sáu chén, men rạn nâu ngả xanh với những đường rạn tự nhiên hình thành khi men co lại lúc nguội lò. Xương gốm dày giữ nhiệt, hợp pha trà xanh và trà sen.",
        "A tea set of one 350 ml pot and six cups in a brown-green crackle glaze, whose fine cracks form as the glaze shrinks while the kiln cools. The thick clay body keeps the tea hot; ideal for green and lotus tea."),
    "Lọ hoa men hoa biến": (
        "Lọ hoa cao 25 cm, men hoa biến: màu men loang đỏ, tím, xanh khác nhau ở mỗi chiếc tùy lửa lò, nên không có hai chiếc giống hệt. Lòng lọ tráng men kín, cắm được hoa tươi.",
        "A 25 cm flower vase in flambé glaze: reds, purples and blues that run differently in every firing, so no two are alike. Glazed inside, so it holds water for fresh flowers."),
    "Bộ bát đĩa men gio": (
        "Bộ bát đĩa men gio 10 món cho bữa cơm gia đình bốn người: bát cơm, bát canh, đĩa lớn và đĩa nhỏ. Men gio pha từ tro cây theo công thức cổ của Bát Tràng, mặt men mờ, dùng được với máy rửa bát.",
        "A 10-piece ash-glaze tableware set for a family meal of four: rice bowls, a soup bowl and large and small plates. The glaze is made from plant ash by an old Bát Tràng recipe; matte, and dishwasher safe."),
    "Đĩa sứ vẽ tay sen": (
        "Đĩa sứ đường kính 30 cm, vẽ tay bông sen và lá sen bằng men lam, kèm giá gỗ để bày. Mỗi chiếc có nét bút riêng của người thợ vẽ.",
        "A 30 cm porcelain plate with a lotus flower and leaves painted by hand in cobalt blue, with a wooden stand for display. Every plate carries its painter's own brushwork."),
    "Cốc gốm men nâu": (
        "Cốc gốm men nâu dung tích 300 ml, quai cầm vừa tay, thành dày giữ ấm cà phê và trà. Men nâu sẫm như màu đất nung, dùng được trong lò vi sóng.",
        "A 300 ml mug in a deep brown glaze with a comfortable handle and thick walls that keep coffee or tea warm. Microwave safe."),
    # silk (Vạn Phúc)
    "Khăn lụa tơ tằm Vạn Phúc": (
        "Khăn lụa tơ tằm 100%, dệt trên khung cửi của làng Vạn Phúc, khổ 50 × 180 cm, mép vắt tay và có tua ở hai đầu. Lụa mỏng, mát, mặt vải óng nhẹ dưới nắng.",
        "A pure mulberry silk scarf woven on a Vạn Phúc loom, 50 × 180 cm, hand-rolled edges and a fringe at both ends. Light, cool and softly lustrous in daylight."),
    "Lụa vân hoa may áo dài": (
        "Lụa vân hoa tơ tằm khổ 90 cm, bán theo mét: hoa văn chìm dệt ngay trên mặt vải, chỉ hiện lên khi nghiêng theo ánh sáng. Một bộ áo dài cần khoảng 2,5 m.",
        "Patterned mulberry silk, 90 cm wide, sold by the metre: the figure is woven into the cloth and shows only as the light moves over it. An áo dài takes about 2.5 m."),
    "Cà vạt lụa tơ tằm": (
        "Cà vạt lụa tơ tằm dệt sọc chéo, bản 7 cm, lót lụa bên trong để thắt nút đẹp và không nhăn. Màu nhuộm bền, hợp với áo sơ mi trắng và comple.",
        "A mulberry silk tie in a woven diagonal stripe, 7 cm wide, silk-lined so the knot sits well and does not crease. Fast colours; goes with a white shirt and a suit."),
    "Áo dài lụa tơ tằm": (
        "Áo dài nữ may từ lụa tơ tằm Vạn Phúc, kèm quần lụa trắng, thêu hoa nhỏ ở thân trước. Có sẵn cỡ S–XL hoặc may theo số đo trong 7 ngày.",
        "A women's áo dài in Vạn Phúc mulberry silk with white silk trousers and small embroidered flowers on the front panel. Sizes S–XL, or made to measure in 7 days."),
    # lotus silk (Phùng Xá)
    "Khăn tơ sen": (
        "Khăn dệt hoàn toàn từ tơ rút từ cuống sen, khổ 30 × 160 cm. Mỗi chiếc cần sợi của khoảng 8.000 cuống sen và gần hai tháng làm tay, sợi thô mộc, thoáng và nhẹ.",
        "A scarf woven entirely from fibres drawn from lotus stems, 30 × 160 cm. Each one takes the fibre of some 8,000 stems and nearly two months of handwork: a raw, airy, light cloth."),
    "Cà vạt tơ sen": (
        "Cà vạt dệt từ tơ sen màu mộc, một món quà hiếm: sợi được rút tay từ cuống sen đầm Mỹ Đức, se và dệt trên khung gỗ.",
        "A tie woven from natural-coloured lotus silk, a rare gift: the fibre is drawn by hand from the stems of Mỹ Đức's lotus ponds, twisted and woven on a wooden loom."),
    # lacquer (Hạ Thái, Chuyên Mỹ, Sơn Hà)
    "Tranh sơn mài phong cảnh": (
        "Tranh sơn mài 60 × 80 cm vẽ cảnh làng quê Bắc Bộ, dùng sơn ta, vỏ trứng và vàng quỳ, qua hàng chục lần phủ sơn và mài nước. Khung gỗ, có móc treo sẵn.",
        "A 60 × 80 cm lacquer painting of a northern village landscape in natural lacquer, eggshell and gold leaf, built up over dozens of coats and wet sandings. Wooden frame, ready to hang."),
    "Hộp sơn mài đựng trang sức": (
        "Hộp sơn mài 20 × 15 × 8 cm, ngoài đỏ son vẽ hoa vàng, lòng hộp sơn đen có lót nhung, chia ngăn đựng nhẫn và dây chuyền.",
        "A 20 × 15 × 8 cm lacquer box, vermilion outside with gold flowers, black inside with a velvet lining and compartments for rings and necklaces."),
    "Bát sơn mài vỏ trứng": (
        "Bát sơn mài đường kính 15 cm, cốt tre đan, mặt ngoài gắn vỏ trứng vịt rạn mịn rồi phủ sơn và mài bóng. Dùng để bày hoa quả khô, bánh kẹo; không dùng cho đồ nóng.",
        "A 15 cm lacquer bowl on a woven bamboo core, its outside set with finely cracked duck eggshell, then lacquered and polished. For dried fruit and sweets; not for hot food."),
    "Khay sơn mài": (
        "Khay chữ nhật 40 × 28 cm, sơn mài đen, viền vàng và vẽ hoa sen ở lòng khay. Mặt sơn cứng, chịu nước, dùng bày ấm chén hay mời khách.",
        "A 40 × 28 cm rectangular tray in black lacquer with a gold border and lotus flowers painted inside. A hard, water-resistant finish for serving tea or guests."),
    # mother-of-pearl (Chuyên Mỹ)
    "Tranh khảm trai Văn Miếu": (
        "Tranh khảm trai Khuê Văn Các, Văn Miếu – Quốc Tử Giám, kích thước 60 × 90 cm. Từng mảnh vỏ trai, ốc xà cừ được cưa theo nét vẽ và gắn vào nền gỗ sơn đen, ánh ngũ sắc thay đổi theo góc nhìn.",
        "A 60 × 90 cm mother-of-pearl picture of Khuê Văn Các at the Temple of Literature. Each piece of shell is sawn to the drawing and set in black-lacquered wood, shimmering differently from every angle."),
    "Hộp gỗ khảm trai": (
        "Hộp gỗ khảm trai 25 × 18 × 10 cm, nắp khảm hoa mai và chim, bản lề đồng. Đựng trà, trang sức hoặc làm hộp quà.",
        "A 25 × 18 × 10 cm wooden box with plum blossom and birds inlaid in shell on the lid and brass hinges. For tea, jewellery or as a gift box."),
    "Khay trà khảm trai": (
        "Khay trà gỗ khảm trai 45 × 30 cm, vừa một bộ ấm sáu chén, viền khảm hoa văn triện. Mặt khay phủ sơn mài chống thấm.",
        "A 45 × 30 cm inlaid wooden tea tray that fits a pot and six cups, with a shell fretwork border and a water-resistant lacquer top."),
    # rattan and bamboo (Phú Vinh, Phú Túc)
    "Giỏ mây đan tay": (
        "Giỏ mây có quai, đường kính 30 cm, đan tay từ sợi mây vót đều, hun sấy chống mốc. Dùng đi chợ, đựng đồ dã ngoại hoặc bày cây.",
        "A 30 cm rattan basket with a handle, woven by hand from evenly shaved cane and smoke-dried against mould. For the market, a picnic or a pot plant."),
    "Đèn tre trang trí": (
        "Chao đèn tre hình cầu đường kính 35 cm, nan giang uốn cong đan thưa để ánh sáng hắt hoa văn lên tường. Kèm dây và đui đèn E27.",
        "A 35 cm round bamboo lampshade of bent strips woven openly, so the light throws a pattern on the walls. Comes with cord and an E27 socket."),
    "Khay mây đựng hoa quả": (
        "Khay mây tròn đường kính 35 cm, đan xoắn ốc từ tâm ra, vành nẹp chắc. Bày hoa quả, bánh mứt ngày Tết.",
        "A 35 cm round rattan tray woven in a spiral from the centre, with a firm bound rim. For fruit, or sweets at Tết."),
    "Túi cói thời trang": (
        "Túi xách đan từ sợi cói phơi khô, quai da, lót vải bên trong, kích thước 35 × 25 cm. Nhẹ, hợp đi biển và dạo phố.",
        "A handbag woven from dried sedge with leather handles and a fabric lining, 35 × 25 cm. Light; made for the beach and the town."),
    "Bộ hộp bèo bồng": (
        "Bộ ba hộp đựng đồ lồng vào nhau, đan từ thân bèo tây phơi khô quanh khung sắt sơn tĩnh điện. Đựng quần áo, đồ chơi, tạp chí.",
        "Three nesting storage boxes woven from dried water hyacinth over a powder-coated steel frame. For clothes, toys or magazines."),
    # woodwork (Sơn Đồng, Tân Dân, Văn Nhân, Hữu Bằng, Thiết Úng)
    "Tượng gỗ Phật Di Lặc": (
        "Tượng Phật Di Lặc ngồi cao 40 cm, tạc nguyên khối gỗ mít, đục tay từng nếp áo và nụ cười, hoàn thiện bằng sáp ong để giữ màu gỗ tự nhiên.",
        "A 40 cm seated Maitreya carved from a single block of jackfruit wood, every fold and the smile cut by hand, finished with beeswax to keep the wood's own colour."),
    "Bàn trà gỗ hương": (
        "Bộ bàn trà gỗ hương gồm một bàn 100 × 60 cm và bốn đôn, ghép mộng truyền thống không dùng đinh, chân bàn chạm hoa văn. Gỗ có mùi thơm nhẹ, vân đẹp.",
        "A rosewood tea table (100 × 60 cm) with four stools, joined with traditional mortise-and-tenon joints and no nails, carved legs. The wood is fragrant and finely grained."),
    "Hộp gỗ sơn mài đựng trà": (
        "Hộp đựng trà gỗ vàng tâm phủ sơn mài, nắp khít giữ hương trà, đựng khoảng 200 g trà. Vẽ tay cành đào trên nắp.",
        "A tea caddy of vàng tâm wood under lacquer, with a close-fitting lid that keeps the aroma in; holds about 200 g of tea. A peach branch painted by hand on the lid."),
    "Tranh gỗ khắc chữ Phúc": (
        "Tranh gỗ 50 × 70 cm khắc chữ Phúc (phúc lành) trong vòng tròn mây, chạm nổi trên gỗ gụ. Treo phòng khách hoặc làm quà mừng thọ, tân gia.",
        "A 50 × 70 cm panel with the character Phúc (blessing) in a ring of clouds, carved in relief in gụ wood. For a living room, or as a gift for a birthday or a new home."),
    "Ghế gỗ tần bì": (
        "Ghế ăn gỗ tần bì tựa lưng nan dọc, ghép mộng chắc chắn, phủ dầu lau gỗ gốc nước an toàn. Cao 85 cm, mặt ngồi 42 × 42 cm.",
        "A dining chair in ash wood with a slatted back, firmly jointed and finished with a water-based wood oil. 85 cm tall, seat 42 × 42 cm."),
    # garments (Vân Từ)
    "Áo dài may đo": (
        "Áo dài nữ may đo tại làng may Vân Từ: lấy số đo một lần, thử dáng và chỉnh sửa đến khi vừa. Vải lụa, gấm hoặc voan tùy chọn, giao trong 5–7 ngày.",
        "A women's áo dài made to measure in the Vân Từ tailoring village: measured once, fitted and adjusted until it sits right. Silk, brocade or voile to choose; ready in 5–7 days."),
    "Bộ comple nam": (
        "Bộ comple nam hai mảnh may đo, vải len pha, lót vải thoáng, ve áo và khuy thùa tay. Thử dáng hai lần trước khi giao.",
        "A made-to-measure two-piece men's suit in a wool blend with a breathable lining, hand-finished lapels and buttonholes. Two fittings before it is delivered."),
    "Sơ mi nữ lụa": (
        "Áo sơ mi nữ lụa tơ tằm, cổ đức, cúc bọc vải, tay ngắn. Mát, nhẹ, hợp đi làm mùa hè.",
        "A women's mulberry silk shirt with a classic collar, fabric-covered buttons and short sleeves. Cool and light for summer workdays."),
    # leather shoes (Phú Yên)
    "Giày da nam thủ công": (
        "Giày buộc dây nam da bò thật, gò tay trên phom gỗ, đế cao su khâu viền chắc chắn. Cỡ 38–44, đổi cỡ miễn phí trong 7 ngày.",
        "Men's lace-up shoes in full-grain cowhide, lasted by hand over wooden lasts, with a stitched rubber sole. Sizes 38–44; free size exchange within 7 days."),
    "Giày búp bê da nữ": (
        "Giày búp bê nữ da bò mềm, mũi tròn có nơ nhỏ, lót da cừu êm chân, đế cao su chống trơn. Cỡ 35–39.",
        "Women's ballet flats in soft cowhide with a round toe and a small bow, lined with lambskin and soled with non-slip rubber. Sizes 35–39."),
    "Dép da quai ngang": (
        "Dép quai ngang da bò, đế lót da ôm chân, đế ngoài cao su. Hợp đi trong nhà, đi chơi cuối tuần. Cỡ 36–44.",
        "Slide sandals with a wide cowhide strap, a leather footbed that moulds to the foot and a rubber outsole. For home or weekends. Sizes 36–44."),
    # tò he (Xuân La)
    "Bộ tò he 12 con giáp": (
        "Mười hai con giáp nặn bằng bột gạo nếp nhuộm màu từ gấc, nghệ, lá riềng, mỗi con cao khoảng 8 cm trên que tre, đựng trong hộp giấy. Đồ chơi dân gian cho trẻ em và quà lưu niệm.",
        "The twelve zodiac animals shaped from sticky-rice dough coloured with gấc, turmeric and galangal leaves, each about 8 cm tall on a bamboo stick, in a paper box. A folk toy and a souvenir."),
    "Tò he hình Thánh Gióng": (
        "Tò he Thánh Gióng cưỡi ngựa sắt, cầm roi tre, cao 15 cm. Nặn tay tại chỗ trong vài phút, màu từ thực phẩm, an toàn cho trẻ nhỏ.",
        "Saint Gióng on his iron horse with a bamboo whip, 15 cm tall, shaped by hand in minutes, coloured with food colours and safe for small children."),
    # conical hats (Chuông)
    "Nón lá Chuông": (
        "Nón lá làng Chuông 16 vòng, lợp hai lớp lá cọ phơi trắng, khâu bằng sợi cước mảnh đều mũi, quai lụa. Nhẹ, che nắng mưa, soi lên nắng thấy rõ từng lớp lá.",
        "A Chuông conical hat of 16 rings, two layers of bleached palm leaves stitched with fine, even nylon thread and a silk chin strap. Light, keeps off sun and rain, and shows every layer against the light."),
    "Nón quai thao": (
        "Nón quai thao vành rộng 70 cm, mặt phẳng, quai tua lụa đen. Nón của các liền anh liền chị quan họ, dùng cho lễ hội, biểu diễn hay trưng bày.",
        "A flat quai thao hat, 70 cm across, with a black silk tasselled strap: the hat of quan họ singers, worn at festivals and performances, or displayed."),
    # lotus tea (Quảng An)
    "Trà sen Tây Hồ ướp bông": (
        "Chè búp Thái Nguyên ướp với gạo sen Bách Diệp Hồ Tây theo cách cổ truyền: mỗi cân trà cần hương của khoảng một nghìn bông sen. Hộp thiếc 100 g, pha nước 85 °C.",
        "Thái Nguyên green tea scented with the anthers of West Lake's hundred-petal lotus the old way: each kilo takes the fragrance of about a thousand flowers. 100 g tin; brew at 85 °C."),
    "Trà sen Quảng An túi lọc": (
        "Trà sen Quảng An trong túi lọc tiện dùng, 25 túi 2 g, hương sen tự nhiên không dùng hương liệu. Pha một túi với 150 ml nước nóng trong 3 phút.",
        "Quảng An lotus tea in handy bags, 25 × 2 g, with natural lotus fragrance and no flavourings. One bag to 150 ml of hot water for 3 minutes."),
    "Trà tâm sen": (
        "Tâm sen (mầm xanh trong hạt sen) tách tay, phơi và sao khô, hộp 200 g. Vị đắng nhẹ, thường uống buổi tối cho dễ ngủ.",
        "Lotus embryos (the green sprouts inside lotus seeds), picked out by hand, dried and lightly roasted; 200 g box. Mildly bitter, traditionally drunk in the evening for a calm night's sleep."),
    # knitting (La Phù)
    "Áo len dệt kim": (
        "Áo len cổ tròn dệt kim từ sợi len pha mềm, không xù, có dải hoa văn ngang ngực, bo tay và gấu dệt riêng. Cỡ S–XL, giặt tay hoặc giặt máy chế độ nhẹ.",
        "A crew-neck knitted sweater in a soft, pill-resistant wool blend with a patterned band across the chest and separately knitted ribbed cuffs and hem. Sizes S–XL; hand wash or gentle machine wash."),
    "Khăn len dệt kim": (
        "Khăn quàng len dệt kim kẻ sọc, dài 170 cm, có tua hai đầu, ấm mà không nặng cổ. Nhiều màu để chọn.",
        "A striped knitted scarf, 170 cm long with a fringe at both ends, warm without weighing on the neck. Several colours."),
    # sweets and food (La Phù, Đường Lâm, Minh Khai, Cự Đà)
    "Bánh chè lam": (
        "Bánh chè lam làm từ bột nếp rang, mật mía, gừng tươi, lạc và vừng, cắt miếng vuông, hộp 500 g. Dẻo, thơm gừng, ăn cùng trà nóng.",
        "Chè lam from roasted sticky-rice flour, molasses, fresh ginger, peanuts and sesame, cut in squares; 500 g box. Chewy and gingery, eaten with hot tea."),
    "Kẹo lạc vừng": (
        "Kẹo lạc vừng giòn, lạc rang bóc vỏ và vừng đen quyện mạch nha, cán mỏng cắt thanh, gói 300 g. Không chất bảo quản.",
        "Crunchy candy of roasted peanuts and black sesame bound with malt syrup, rolled thin and cut in bars; 300 g pack. No preservatives."),
    "Bánh cốm": (
        "Bánh cốm nhân đậu xanh dừa, vỏ làm từ cốm non dẻo, gói giấy buộc lạt đỏ, hộp 6 chiếc. Bánh truyền thống của lễ ăn hỏi.",
        "Green rice cakes filled with mung bean and coconut, the shell made of young green rice, wrapped in paper and tied with red string; box of 6. The traditional cake of Vietnamese engagements."),
    "Kẹo dồi lạc": (
        "Kẹo dồi lạc kiểu xứ Đoài: mạch nha kéo trắng bọc nhân lạc rang và vừng, gói 250 g. Giòn tan, ngọt vừa.",
        "Peanut candy the Đoài-country way: pulled white malt sugar wrapped round roasted peanuts and sesame; 250 g pack. Crisp and not too sweet."),
    "Chè lam gừng": (
        "Chè lam gừng từ nếp cái hoa vàng rang xay, nấu với mật mía và nhiều gừng, hộp 400 g. Món quà quê ăn kèm trà xanh.",
        "Ginger chè lam from roasted yellow-flower sticky rice cooked with molasses and plenty of ginger; 400 g box. A country treat for green tea."),
    "Gạo nếp cái hoa vàng": (
        "Gạo nếp cái hoa vàng vụ mới, hạt tròn, dẻo và thơm, túi 2 kg. Dùng đồ xôi, gói bánh chưng, nấu rượu.",
        "New-crop yellow-flower sticky rice, round-grained, soft and fragrant; 2 kg bag. For xôi, bánh chưng or rice wine."),
    "Miến dong": (
        "Miến dong làm từ 100% tinh bột củ dong riềng, sợi dai, trong, không dùng hàn the hay phẩm màu, gói 500 g. Nấu miến gà, miến lươn hoặc xào.",
        "Glass noodles of pure arrowroot starch: chewy, clear, no borax or dyes; 500 g pack. For chicken or eel noodle soup, or stir-fried."),
    "Bún khô": (
        "Bún khô làm từ gạo tẻ ngâm xay, ép sợi rồi phơi nắng, gói 500 g. Luộc 5 phút là dùng được cho bún chả, bún xào.",
        "Dried rice vermicelli from soaked and ground rice, pressed into strands and sun-dried; 500 g pack. Five minutes in boiling water for bún chả or stir-fries."),
    "Tương nếp truyền thống": (
        "Tương làm từ xôi nếp ủ mốc và đậu tương rang, phơi nắng trong chum sành ba tháng, chai 500 ml. Chấm rau muống luộc, kho cá, om đậu.",
        "Soy sauce from mould-ripened sticky rice and roasted soybeans, sun-matured in earthenware jars for three months; 500 ml bottle. For boiled water spinach, braised fish or tofu."),
    "Tương bần": (
        "Tương Bần theo công thức làng, vị ngọt đậm và thơm mùi đậu rang, chai 1 lít. Chỉ gồm nếp, đậu tương, muối và nước giếng.",
        "Bần-style soy sauce by the village recipe, rich, sweet and smelling of roasted beans; 1 litre bottle. Just sticky rice, soybeans, salt and well water."),
    # fresh produce (Chu Quyến)
    "Rau cải ngọt hữu cơ": (
        "Cải ngọt trồng hữu cơ trên đất bãi Ba Vì, không thuốc trừ sâu hóa học, cắt buổi sáng và giao trong ngày, bó 500 g.",
        "Choy sum grown organically on Ba Vì's river land, without chemical pesticides, cut in the morning and delivered the same day; 500 g bunch."),
    "Su su Ba Vì": (
        "Su su quả non trồng trên giàn ở chân núi Ba Vì, vỏ xanh nhạt, giòn ngọt; luộc, xào hoặc nấu canh.",
        "Young chayote grown on trellises at the foot of Mount Ba Vì, pale green, crisp and sweet; boil, stir-fry or cook in soup."),
    "Cà chua an toàn": (
        "Cà chua chín cây trồng trong nhà lưới theo quy trình an toàn, quả đều, chắc thịt; nấu canh, sốt hoặc ăn sống.",
        "Vine-ripened tomatoes from net houses, grown to the safe-produce standard: even, firm fruit for soup, sauce or salad."),
    "Rau muống hữu cơ": (
        "Rau muống hữu cơ ngọn non, bó 500 g, thu hái sáng sớm. Luộc chấm tương hoặc xào tỏi.",
        "Organic water spinach, young tips, 500 g bunch, picked at dawn. Boil and dip in soy sauce, or stir-fry with garlic."),
    # tourism (Hồng Vân)
    "Trải nghiệm du lịch cộng đồng Hồng Vân": (
        "Một ngày ở Hồng Vân bên đê sông Hồng: đạp xe qua bãi ngô, ăn trưa cơm quê tại nhà dân, xem làm đồ thờ sơn mài và chèo thuyền. Tối đa 15 khách một đoàn, có hướng dẫn viên.",
        "A day in Hồng Vân by the Red River dyke: cycle through the maize fields, have a country lunch in a family home, watch lacquered altar pieces being made and go out in a boat. Up to 15 guests per group, with a guide."),
    "Tour làng nghề sơn mài Hạ Thái": (
        "Nửa ngày ở làng sơn mài Hạ Thái: thăm xưởng, xem thợ thí sơn, mài và vẽ, rồi tự trang trí một chiếc đĩa sơn mài nhỏ mang về.",
        "Half a day in the Hạ Thái lacquer village: visit a workshop, watch lacquer being applied, sanded and painted, then decorate a small lacquer plate to take home."),
    # herbs (Ba Vì)
    "Cao cà gai leo": (
        "Cao cà gai leo cô đặc từ cây cà gai leo trồng trên sườn núi Ba Vì, lọ 100 g. Pha một thìa nhỏ với nước ấm. Sản phẩm không phải là thuốc.",
        "A thick extract of cà gai leo (Solanum procumbens) grown on the slopes of Mount Ba Vì; 100 g jar. Stir a small spoonful into warm water. Not a medicine."),
    "Trà giảo cổ lam": (
        "Giảo cổ lam năm lá hái trên núi Ba Vì, sấy khô và sao nhẹ, hộp 200 g. Vị đắng trước, ngọt hậu.",
        "Five-leaf jiaogulan gathered on Mount Ba Vì, dried and lightly roasted; 200 g box. Bitter at first, with a sweet finish."),
    "Tinh dầu sả chanh": (
        "Tinh dầu sả chanh chưng cất hơi nước từ sả trồng tại Ba Vì, chai thủy tinh nâu 50 ml có ống nhỏ giọt. Xông phòng, đuổi muỗi.",
        "Lemongrass essential oil, steam-distilled from lemongrass grown in Ba Vì, in a 50 ml brown glass dropper bottle. For diffusers and keeping mosquitoes away."),
    "Xà phòng thảo dược Dao đỏ": (
        "Xà phòng làm lạnh từ dầu dừa và nước lá thuốc tắm của người Dao đỏ, ủ bốn tuần, bánh 100 g. Dịu nhẹ cho da.",
        "Cold-process soap of coconut oil and the Red Dao people's bathing herbs, cured for four weeks; 100 g bar. Gentle on the skin."),
    # ornamentals (Mê Linh)
    "Hoa hồng Mê Linh": (
        "Bó 20 bông hồng đỏ cắt sáng sớm tại vườn Mê Linh, cành dài 50 cm, giữ lạnh đến khi giao. Cắm được 5–7 ngày.",
        "Twenty red roses cut at dawn in Mê Linh's gardens, 50 cm stems, kept cool until delivery. Last 5–7 days in a vase."),
    "Lan hồ điệp chậu": (
        "Chậu lan hồ điệp trắng hai cành, 16–20 bông, chậu sứ kèm giá đỡ. Hoa bền 2–3 tháng trong nhà.",
        "A white moth orchid with two spikes and 16–20 flowers in a porcelain pot with stakes. Flowers for 2–3 months indoors."),
    "Cây bonsai sanh": (
        "Cây sanh dáng trực, cao 60 cm, được uốn và cắt tỉa nhiều năm, trồng trong chậu gốm men lam. Đặt nơi có nắng nhẹ, tưới khi mặt đất khô.",
        "An upright ficus bonsai, 60 cm tall, wired and pruned over many years, in a blue-glaze ceramic pot. Keep in soft sunlight and water when the soil is dry."),
    "Cá chép Koi giống": (
        "Cá Koi giống dài 10–12 cm, màu đỏ trắng (Kohaku), nuôi tại ao Mê Linh, đã qua cách ly. Giao trong túi oxy.",
        "Koi fry 10–12 cm long in red and white (Kohaku), raised in Mê Linh ponds and quarantined. Delivered in an oxygenated bag."),
    # drinks (Vân village)
    "Rượu làng Vân": (
        "Rượu gạo làng Vân nấu bằng men lá theo bí quyết của làng, chưng cất hai lần và hạ thổ trong chum sành, chai 500 ml, 40% vol.",
        "Vân village rice spirit, fermented with the village's own leaf yeast, double-distilled and aged underground in earthenware jars; 500 ml bottle, 40% vol."),
    "Rượu nếp cái hoa vàng": (
        "Rượu nếp cái hoa vàng, thơm mùi nếp mới, êm, chai 700 ml, 35% vol. Hợp làm quà biếu dịp Tết.",
        "Yellow-flower sticky rice spirit, fragrant with new rice and smooth; 700 ml bottle, 35% vol. A favourite Tết gift."),
    "Nước ép bưởi Diễn": (
        "Nước ép bưởi Diễn nguyên chất, ép lạnh, thanh trùng nhẹ, không đường, chai 330 ml. Giữ lạnh, dùng trong 10 ngày.",
        "Pure Diễn pomelo juice, cold-pressed and lightly pasteurised, no added sugar; 330 ml bottle. Keep chilled and drink within 10 days."),
}

# A sentence about who made it: {producer}, {place_vi} ("làng Bát Tràng"), {place_en}.
MAKER_LINES = [
    ("Sản phẩm của {producer}, {place_vi}.", "Made by {producer}, {place_en}."),
    ("Làm tại xưởng của {producer} ở {place_vi}.", "From the workshop of {producer} in {place_en}."),
    ("{producer} ({place_vi}) làm theo lô nhỏ, nhận đặt hàng số lượng lớn.", "{producer} ({place_en}) makes it in small batches and takes larger orders."),
    ("Mua trực tiếp từ {producer}, {place_vi}, hoặc tại các điểm OCOP.", "Buy it from {producer}, {place_en}, or at OCOP showrooms."),
]

# Producer slug -> crafts it makes (first village craft if not listed).
PRODUCER_CRAFTS = {
    "son-mai-chuyen-my": ["lacquer"],
    "kham-trai-chuyen-my": ["mother-of-pearl"],
    "son-mai-bui-xuan-loi": ["woodwork", "lacquer"],
    "banh-keo-la-phu": ["confectionery"],
    "det-kim-la-phu": ["knitting"],
    "mien-minh-khai": ["vermicelli", "food-processing"],
    "go-huu-bang": ["woodwork"],
    "tuong-duong-lam": ["soy-sauce"],
    "che-lam-duong-lam": ["food-processing", "confectionery"],
    "tuong-cu-da": ["soy-sauce", "vermicelli"],
    "to-sen-phung-xa": ["lotus-silk"],
}

# slug, name, kind, district, village or None, address, opening hours (vi, en), lat, lon
SHOWROOMS = [
    ("ocop-bat-trang", "Điểm giới thiệu và bán sản phẩm OCOP Bát Tràng", "village_point", "gia-lam", "bat-trang",
     "Chợ gốm Bát Tràng, xã Bát Tràng", "8:00–18:00 hằng ngày", "8 am – 6 pm daily", 20.9761, 105.9120),
    ("ocop-van-phuc", "Showroom OCOP Làng lụa Vạn Phúc", "village_point", "ha-dong", "van-phuc",
     "Đầu làng Vạn Phúc, phường Hà Đông", "8:00–20:00 hằng ngày", "8 am – 8 pm daily", 20.9790, 105.7750),
    ("trung-tam-thiet-ke-ocop", "Trung tâm thiết kế sáng tạo và giới thiệu sản phẩm OCOP Hà Nội", "design_centre", "hoan-kiem", None,
     "Phố Hàng Bông, Hoàn Kiếm", "9:00–21:00, thứ Hai nghỉ", "9 am – 9 pm, closed Mondays", 21.0300, 105.8480),
    ("ocop-van-tu", "Điểm OCOP Làng may Vân Từ", "village_point", "phu-xuyen", "van-tu",
     "Thôn Vân Từ, xã Chuyên Mỹ", "7:30–17:30", "7:30 am – 5:30 pm", 20.7705, 105.8955),
    ("ocop-son-ha", "Điểm OCOP Làng nghề gỗ Sơn Hà", "village_point", "phu-xuyen", "son-ha",
     "Xã Phú Xuyên (Sơn Hà cũ)", "8:00–17:00", "8 am – 5 pm", 20.7805, 105.9010),
    ("showroom-ocop-phu-xuyen", "Showroom OCOP huyện Phú Xuyên", "showroom", "phu-xuyen", None,
     "Quốc lộ 1A, thị trấn Phú Xuyên cũ", "8:00–18:00", "8 am – 6 pm", 20.7400, 105.9100),
    ("ocop-ha-thai", "Điểm OCOP Làng sơn mài Hạ Thái", "village_point", "thuong-tin", "ha-thai",
     "Thôn Hạ Thái, xã Hồng Vân", "8:00–17:30", "8 am – 5:30 pm", 20.8685, 105.8660),
    ("ocop-hong-van", "Điểm OCOP du lịch cộng đồng Hồng Vân", "showroom", "thuong-tin", None,
     "Xã Hồng Vân cũ, ven đê sông Hồng", "Thứ Bảy, Chủ nhật 8:00–17:00", "Sat–Sun 8 am – 5 pm", 20.8600, 105.9200),
    ("ocop-duong-lam", "Điểm OCOP Làng cổ Đường Lâm", "village_point", "son-tay", "duong-lam",
     "Cổng làng Mông Phụ, Đường Lâm", "8:00–17:00 hằng ngày", "8 am – 5 pm daily", 21.1555, 105.4760),
    ("ocop-ba-vi", "Showroom OCOP Ba Vì", "showroom", "ba-vi", None,
     "Trung tâm xã Tản Lĩnh", "7:30–17:00", "7:30 am – 5 pm", 21.0800, 105.3800),
    ("ocop-phu-vinh", "Điểm OCOP Làng mây tre Phú Vinh", "village_point", "chuong-my", "phu-vinh",
     "Thôn Phú Vinh, xã Phú Nghĩa", "8:00–17:00", "8 am – 5 pm", 20.9095, 105.6745),
    ("ocop-quang-an", "Điểm OCOP Trà sen Quảng An", "village_point", "tay-ho", "quang-an",
     "Phố Quảng An, phường Tây Hồ", "7:00–19:00 hằng ngày", "7 am – 7 pm daily", 21.0655, 105.8235),
    ("showroom-ocop-gia-lam", "Showroom OCOP Gia Lâm", "showroom", "gia-lam", None,
     "Trung tâm thị trấn Trâu Quỳ cũ", "8:00–18:00", "8 am – 6 pm", 21.0190, 105.9360),
]

# The current unit of each showroom not in a craft village (one in a village is in the
# village's). Old unit → new, as for VILLAGES: phường Hàng Bông (split, default), thị trấn Phú
# Xuyên, xã Hồng Vân, xã Tản Lĩnh, thị trấn Trâu Quỳ (split, default).
SHOWROOM_COMMUNES = {
    "trung-tam-thiet-ke-ocop": "Phường Hoàn Kiếm",
    "showroom-ocop-phu-xuyen": "Xã Phú Xuyên",
    "ocop-hong-van": "Xã Hồng Vân",
    "ocop-ba-vi": "Xã Suối Hai",
    "showroom-ocop-gia-lam": "Xã Gia Lâm",
}

# How each thing is made: (materials vi, materials en) and the production steps of a lot.
# Looked up by (craft, kind), then kind, then craft (see `process_for`), so a silk scarf
# gets the weaver's steps and a carved statue the carver's, never a generic "shaping".
PROCESSES = {
    "ceramics": (
        ("Đất sét trắng, cao lanh, men tro và men màu", "White clay, kaolin, ash and coloured glazes"),
        [("Làm đất: lọc, ngâm và nhào đất sét", "Preparing the clay: sieving, soaking and kneading"),
         ("Tạo dáng trên bàn xoay", "Throwing on the wheel"),
         ("Phơi mộc, sửa hàng", "Drying and trimming the raw piece"),
         ("Vẽ hoa văn, tráng men", "Painting and glazing"),
         ("Nung lò ở khoảng 1.250 °C", "Firing at about 1,250 °C"),
         ("Ra lò, kiểm tra và phân loại", "Unloading, inspection and grading")],
    ),
    "silk-weaving": (
        ("Tơ tằm, thuốc nhuộm", "Mulberry silk yarn and dyes"),
        [("Ươm tơ, se sợi", "Reeling and twisting the silk"),
         ("Mắc cửi, lên go", "Warping and threading the loom"),
         ("Dệt trên khung cửi", "Weaving on the loom"),
         ("Nấu, nhuộm màu", "Degumming and dyeing"),
         ("Hấp, là và hoàn thiện", "Steaming, pressing and finishing")],
    ),
    ("silk-weaving", "scarf"): (
        ("Tơ tằm, thuốc nhuộm", "Mulberry silk yarn and dyes"),
        [("Ươm tơ, se sợi", "Reeling and twisting the silk"),
         ("Dệt trên khung cửi", "Weaving on the loom"),
         ("Nấu, nhuộm màu", "Degumming and dyeing"),
         ("Cắt khăn, vắt mép và se tua", "Cutting, hand-rolling the edges and twisting the fringe"),
         ("Là hơi, kiểm tra", "Steam pressing and inspection")],
    ),
    ("silk-weaving", "ao-dai"): (
        ("Lụa tơ tằm Vạn Phúc, chỉ tơ", "Vạn Phúc mulberry silk and silk thread"),
        [("Dệt và nhuộm lụa", "Weaving and dyeing the silk"),
         ("Lấy số đo, vẽ rập", "Measuring and drafting the pattern"),
         ("Cắt vải", "Cutting the cloth"),
         ("Thêu hoa, may ráp", "Embroidering and sewing"),
         ("Là hơi, kiểm tra", "Steam pressing and inspection")],
    ),
    ("silk-weaving", "tie"): (
        ("Lụa tơ tằm dệt, vải lót", "Woven silk and lining"),
        [("Dệt vải", "Weaving the cloth"),
         ("Cắt vải theo chiều chéo", "Cutting on the bias"),
         ("Khâu lót, khâu tay đường sống", "Lining and hand-stitching the back seam"),
         ("Là hơi, kiểm tra", "Steam pressing and inspection")],
    ),
    "lotus-silk": (
        ("Tơ rút từ cuống sen đầm Mỹ Đức", "Fibre drawn from the lotus stems of Mỹ Đức's ponds"),
        [("Cắt cuống sen tươi", "Cutting fresh lotus stems"),
         ("Rút tơ từ cuống sen", "Drawing the fibres from the stems"),
         ("Se sợi bằng tay", "Twisting the thread by hand"),
         ("Dệt trên khung gỗ", "Weaving on a wooden loom"),
         ("Giặt, phơi và hoàn thiện", "Washing, drying and finishing")],
    ),
    "lacquer": (
        ("Sơn ta, gỗ, vỏ trứng, vàng bạc quỳ", "Natural lacquer, wood, eggshell, gold and silver leaf"),
        [("Làm cốt gỗ, bó hom", "Making the wooden core and binding it with cloth"),
         ("Thí sơn, lót sơn", "Priming with lacquer"),
         ("Vẽ, gắn vỏ trứng, dát vàng bạc", "Painting, setting eggshell and gold and silver leaf"),
         ("Phủ sơn, ủ trong buồng ẩm", "Coating and curing in a damp room"),
         ("Mài nước, đánh bóng", "Wet sanding and polishing")],
    ),
    ("woodwork", "box"): (
        ("Gỗ vàng tâm, sơn ta", "Vàng tâm wood and natural lacquer"),
        [("Xẻ gỗ, đóng hộp", "Sawing the wood and making the box"),
         ("Bó hom, thí sơn", "Binding with cloth and priming with lacquer"),
         ("Vẽ trang trí", "Painting the decoration"),
         ("Phủ sơn, ủ trong buồng ẩm", "Coating and curing in a damp room"),
         ("Mài nước, đánh bóng", "Wet sanding and polishing")],
    ),
    "mother-of-pearl": (
        ("Vỏ trai, ốc xà cừ, gỗ, sơn ta", "Mother-of-pearl, abalone shell, wood and lacquer"),
        [("Chọn và xẻ vỏ trai, ốc", "Choosing and slicing the shells"),
         ("Vẽ mẫu, cưa hình", "Drawing the design and sawing the pieces"),
         ("Đục lòng gỗ", "Chiselling the recesses in the wood"),
         ("Gắn trai", "Setting the shell"),
         ("Phủ sơn, mài và đánh bóng", "Lacquering, sanding and polishing")],
    ),
    "rattan-bamboo": (
        ("Mây, tre, giang, cói, bèo tây", "Rattan, bamboo, giang cane, sedge and water hyacinth"),
        [("Chọn và phơi nguyên liệu", "Choosing and drying the materials"),
         ("Chẻ nan, vót sợi", "Splitting and shaving the strips"),
         ("Đan theo khuôn", "Weaving over a mould"),
         ("Hun sấy chống mốc", "Smoking and drying against mould"),
         ("Phủ dầu, kiểm tra", "Oiling and inspection")],
    ),
    "woodwork": (
        ("Gỗ hương, tần bì, gụ đã sấy", "Kiln-dried rosewood, ash and gụ wood"),
        [("Xẻ gỗ, sấy", "Sawing and kiln-drying the timber"),
         ("Pha phôi, vạch mực", "Cutting the blanks and marking out"),
         ("Làm mộng, lắp ghép", "Cutting the joints and assembling"),
         ("Chạm chi tiết", "Carving the details"),
         ("Đánh giấy ráp, phủ dầu", "Sanding and oiling")],
    ),
    "statue": (
        ("Gỗ mít nguyên khối, sáp ong", "A single block of jackfruit wood, beeswax"),
        [("Chọn gỗ, pha phôi", "Choosing the wood and cutting the block"),
         ("Đục thô", "Rough carving"),
         ("Chạm chi tiết, tỉa nét", "Fine carving"),
         ("Đánh giấy ráp", "Sanding"),
         ("Đánh sáp ong", "Finishing with beeswax")],
    ),
    "carved-panel": (
        ("Gỗ gụ, dầu lau gỗ", "Gụ wood and wood oil"),
        [("Chọn gỗ, ghép tấm", "Choosing the wood and joining the panel"),
         ("Can mẫu chữ lên gỗ", "Tracing the design onto the wood"),
         ("Đục nền, chạm nổi", "Cutting back the ground and carving in relief"),
         ("Đánh giấy ráp, phủ dầu", "Sanding and oiling")],
    ),
    "garments": (
        ("Vải lụa, gấm, len pha và chỉ may", "Silk, brocade, wool blend and thread"),
        [("Lấy số đo", "Taking measurements"),
         ("Vẽ rập, cắt vải", "Drafting the pattern and cutting"),
         ("May ráp, thử dáng", "Sewing and fitting"),
         ("Thùa khuy, đính cúc", "Buttonholes and buttons"),
         ("Là hơi, kiểm tra", "Steam pressing and inspection")],
    ),
    "knitting": (
        ("Sợi len pha", "Wool-blend yarn"),
        [("Chọn sợi, đánh ống", "Choosing and winding the yarn"),
         ("Dệt kim trên máy", "Knitting on the machine"),
         ("Ráp và khâu bo", "Linking the seams and ribbing"),
         ("Giặt, là hơi", "Washing and steaming"),
         ("Kiểm tra", "Inspection")],
    ),
    "leather-shoes": (
        ("Da bò thuộc, da cừu lót, đế cao su", "Tanned cowhide, lambskin lining, rubber soles"),
        [("Chọn da, cắt theo rập", "Choosing the leather and cutting it to pattern"),
         ("May mũ giày", "Stitching the uppers"),
         ("Gò giày trên phom", "Lasting over the last"),
         ("Dán và khâu đế", "Cementing and stitching the sole"),
         ("Vệ sinh, đánh xi", "Cleaning and polishing")],
    ),
    "to-he": (
        ("Bột gạo nếp, màu từ gấc, nghệ, lá riềng", "Sticky-rice dough coloured with gấc, turmeric and galangal leaf"),
        [("Đồ xôi, giã bột", "Steaming and pounding the rice dough"),
         ("Nhuộm màu tự nhiên", "Colouring with natural dyes"),
         ("Nặn hình bằng tay", "Shaping the figures by hand"),
         ("Cắm que tre, hong khô", "Mounting on bamboo sticks and drying")],
    ),
    "conical-hats": (
        ("Lá cọ, tre chuốt, sợi cước", "Palm leaves, bamboo rings and nylon thread"),
        [("Phơi, là lá cọ", "Drying and ironing the palm leaves"),
         ("Chuốt vòng tre, dựng khung", "Shaping the bamboo rings and the frame"),
         ("Xếp lá lên khung", "Laying the leaves on the frame"),
         ("Khâu nón bằng sợi cước", "Stitching with fine nylon thread"),
         ("Quét dầu bóng, gắn quai", "Varnishing and fitting the strap")],
    ),
    "lotus-tea": (
        ("Chè búp Thái Nguyên, gạo sen Bách Diệp Hồ Tây", "Thái Nguyên tea buds and West Lake lotus anthers"),
        [("Hái sen lúc rạng sáng", "Picking the lotus at dawn"),
         ("Tách gạo sen", "Separating the anthers"),
         ("Ướp trà với gạo sen", "Layering the tea with the anthers"),
         ("Sấy nhẹ, ướp lại nhiều lượt", "Gentle drying, scented again several times"),
         ("Đóng hộp", "Packing")],
    ),
    ("lotus-tea", "tea-box"): (
        ("Trà sen Quảng An, giấy lọc", "Quảng An lotus tea and filter paper"),
        [("Ướp trà với gạo sen", "Layering the tea with the anthers"),
         ("Sấy nhẹ", "Gentle drying"),
         ("Cắt nhỏ, đóng túi lọc", "Cutting and filling the tea bags"),
         ("Đóng hộp", "Packing")],
    ),
    "tea-jar": (
        ("Tâm sen Hồ Tây", "West Lake lotus embryos"),
        [("Tách hạt sen, lấy tâm", "Opening the seeds and picking out the embryos"),
         ("Phơi khô", "Sun-drying"),
         ("Sao nhỏ lửa", "Roasting over a low fire"),
         ("Đóng hộp", "Packing")],
    ),
    "rice-cake": (
        ("Nếp cái hoa vàng, mật mía, gừng, lạc, vừng", "Yellow-flower sticky rice, molasses, ginger, peanuts and sesame"),
        [("Rang gạo nếp, xay bột", "Roasting the sticky rice and milling it"),
         ("Nấu mật mía với gừng", "Boiling molasses with ginger"),
         ("Trộn bột, lạc và vừng", "Mixing in the flour, peanuts and sesame"),
         ("Cán, cắt miếng", "Rolling out and cutting"),
         ("Đóng hộp", "Packing")],
    ),
    "candy": (
        ("Lạc, vừng, mạch nha", "Peanuts, sesame and malt syrup"),
        [("Rang lạc, vừng", "Roasting the peanuts and sesame"),
         ("Thắng mạch nha", "Cooking the malt syrup"),
         ("Trộn và cán mỏng", "Mixing and rolling thin"),
         ("Cắt thanh, đóng gói", "Cutting into bars and packing")],
    ),
    "com-cake": (
        ("Cốm non, đậu xanh, dừa, đường", "Young green rice, mung beans, coconut and sugar"),
        [("Chọn cốm, nấu cốm dẻo", "Choosing and cooking the green rice"),
         ("Nấu nhân đậu xanh, dừa", "Cooking the mung bean and coconut filling"),
         ("Đóng khuôn bánh", "Moulding the cakes"),
         ("Gói giấy, buộc lạt", "Wrapping in paper and tying")],
    ),
    "rice-bag": (
        ("Lúa nếp cái hoa vàng", "Yellow-flower sticky rice"),
        [("Gieo cấy, chăm sóc", "Planting and tending"),
         ("Gặt, phơi thóc", "Harvesting and sun-drying"),
         ("Xay xát", "Milling"),
         ("Đóng túi", "Bagging")],
    ),
    "glass-noodles": (
        ("Tinh bột củ dong riềng", "Arrowroot starch"),
        [("Lọc tinh bột dong", "Extracting the arrowroot starch"),
         ("Tráng bánh", "Steaming the starch sheets"),
         ("Phơi bánh, thái sợi", "Drying the sheets and cutting the strands"),
         ("Phơi khô, bó và đóng gói", "Drying, bundling and packing")],
    ),
    "rice-noodles": (
        ("Gạo tẻ", "Long-grain rice"),
        [("Ngâm, xay gạo", "Soaking and grinding the rice"),
         ("Ép sợi, luộc", "Pressing and cooking the strands"),
         ("Phơi khô", "Sun-drying"),
         ("Bó và đóng gói", "Bundling and packing")],
    ),
    "soy-sauce": (
        ("Gạo nếp, đậu tương, muối", "Sticky rice, soybeans and salt"),
        [("Đồ xôi, ủ mốc", "Steaming the sticky rice and growing the mould"),
         ("Rang, ngâm đậu tương", "Roasting and soaking the soybeans"),
         ("Phơi nắng trong chum", "Sun-ripening in jars"),
         ("Lọc, đóng chai", "Filtering and bottling")],
    ),
    "wine-bottle": (
        ("Gạo nếp, men lá", "Sticky rice and leaf yeast"),
        [("Nấu cơm, rắc men", "Cooking the rice and adding the yeast"),
         ("Ủ lên men", "Fermenting"),
         ("Chưng cất", "Distilling"),
         ("Hạ thổ trong chum", "Ageing underground in jars"),
         ("Lọc, đóng chai", "Filtering and bottling")],
    ),
    "juice": (
        ("Bưởi Diễn", "Diễn pomelos"),
        [("Chọn và rửa quả", "Choosing and washing the fruit"),
         ("Bóc múi, ép lạnh", "Segmenting and cold-pressing"),
         ("Thanh trùng", "Pasteurising"),
         ("Đóng chai", "Bottling")],
    ),
    "herb-jar": (
        ("Cà gai leo trồng tại Ba Vì", "Cà gai leo grown in Ba Vì"),
        [("Thu hái, rửa sạch", "Harvesting and washing"),
         ("Phơi, sấy khô", "Drying"),
         ("Sắc, cô thành cao", "Decocting and reducing to an extract"),
         ("Đóng lọ", "Filling the jars")],
    ),
    ("herbs", "tea-box"): (
        ("Giảo cổ lam Ba Vì", "Ba Vì jiaogulan"),
        [("Thu hái", "Gathering"),
         ("Sấy khô", "Drying"),
         ("Sao nhẹ", "Light roasting"),
         ("Đóng hộp", "Packing")],
    ),
    "oil-bottle": (
        ("Sả chanh trồng tại Ba Vì", "Lemongrass grown in Ba Vì"),
        [("Cắt sả", "Cutting the lemongrass"),
         ("Chưng cất hơi nước", "Steam distillation"),
         ("Lắng, tách tinh dầu", "Settling and separating the oil"),
         ("Đóng chai", "Bottling")],
    ),
    "soap": (
        ("Dầu dừa, lá thuốc tắm người Dao", "Coconut oil and Dao bathing herbs"),
        [("Nấu nước lá thuốc", "Brewing the herbs"),
         ("Trộn dầu, làm xà phòng", "Mixing the oils and making the soap"),
         ("Đổ khuôn, ủ bốn tuần", "Moulding and curing for four weeks"),
         ("Cắt bánh, đóng gói", "Cutting and wrapping")],
    ),
    "food": (
        ("Hạt giống, phân hữu cơ", "Seed and organic fertiliser"),
        [("Gieo hạt", "Sowing"),
         ("Chăm sóc, tưới", "Tending and watering"),
         ("Thu hoạch", "Harvesting"),
         ("Sơ chế, đóng gói", "Trimming and packing")],
    ),
    "flowers": (
        ("Hồng giống Mê Linh", "Mê Linh rose plants"),
        [("Trồng, chăm sóc", "Growing and tending"),
         ("Cắt hoa lúc sáng sớm", "Cutting at dawn"),
         ("Bó hoa", "Making up the bunches"),
         ("Bảo quản lạnh", "Cold storage")],
    ),
    "orchid": (
        ("Cây lan con, giá thể, chậu sứ", "Orchid plantlets, potting mix and porcelain pots"),
        [("Ươm cây con", "Raising the plantlets"),
         ("Trồng chậu, chăm sóc", "Potting and tending"),
         ("Xử lý ra hoa", "Bringing into flower"),
         ("Cắm giá, kiểm tra", "Staking and inspection")],
    ),
    "bonsai": (
        ("Cây sanh, chậu gốm", "Ficus and a ceramic pot"),
        [("Chọn phôi cây", "Choosing the tree"),
         ("Uốn tạo thế", "Wiring and shaping"),
         ("Cắt tỉa", "Pruning"),
         ("Vào chậu", "Potting")],
    ),
    "koi": (
        ("Cá bố mẹ giống Kohaku", "Kohaku parent fish"),
        [("Cho cá bố mẹ đẻ", "Spawning the parent fish"),
         ("Ươm cá bột", "Raising the fry"),
         ("Nuôi, tuyển chọn", "Growing on and selecting"),
         ("Cách ly, kiểm tra sức khỏe", "Quarantine and health check")],
    ),
}


def process_for(craft_slug, kind, group):
    """(materials, steps) for a demo product: by (craft, kind), then kind, craft, group."""
    for key in ((craft_slug or group, kind), kind, craft_slug, group):
        if key in PROCESSES:
            return PROCESSES[key]
    raise KeyError(f"No production steps for {craft_slug or group}/{kind}")


VILLAGES_BY_SLUG = {village[0]: village for village in VILLAGES}

# Every product template with the craft it belongs to (None: a producer's goods, no craft).
TEMPLATES_WITH_CRAFT = [
    *((craft_slug, template) for craft_slug, templates in PRODUCT_TEMPLATES.items() for template in templates),
    *((None, template) for templates in PRODUCER_GOODS.values() for template in templates),
]

# Every product template by its Vietnamese name (names are unique across crafts).
TEMPLATES_BY_NAME = {template[0]: template for _craft_slug, template in TEMPLATES_WITH_CRAFT}

# Products the articles name among Hanoi's best: 5 stars in the demo, whatever the dice say.
FIVE_STAR = {
    "gom-quang-vinh": ("Bình hút lộc men lam",),
    "to-sen-phung-xa": ("Khăn tơ sen",),
    "lua-van-phuc-phuong-nhung": ("Khăn lụa tơ tằm Vạn Phúc",),
}


# --- visit routes and events (visits app) ----------------------------------------------------
# Routes: slug, district slug, title (vi, en), summary (vi, en), stops. A stop is
# ("village", slug, note vi, note en), ("showroom", slug, note vi, note en) or
# ("place", name, latitude, longitude, opening hours (OSM), note vi, note en).
ROUTES = [
    ("mot-ngay-o-lang-nghe-phu-xuyen", "phu-xuyen",
     "Một ngày ở làng nghề Phú Xuyên", "A day in the Phú Xuyên craft villages",
     "Khảm trai, tò he, mây tre và may đo: bốn nghề trong một ngày, cách trung tâm Hà Nội khoảng 40 km.",
     "Mother-of-pearl inlay, tò he figurines, rattan and tailoring: four crafts in one day, about 40 km from central Hanoi.",
     [
         ("showroom", "showroom-ocop-phu-xuyen",
          "Bắt đầu ở showroom của huyện để xem sản phẩm OCOP của cả vùng.",
          "Start at the district showroom for an overview of the area's OCOP products."),
         ("village", "chuyen-my",
          "Xem thợ cắt, mài và gắn vỏ trai lên gỗ sơn mài; nên gọi trước cho xưởng.",
          "Watch craftsmen cut, grind and set shell into lacquered wood; call the workshop ahead."),
         ("village", "xuan-la",
          "Nghệ nhân nặn tò he từ bột gạo; trẻ em có thể tự nặn thử.",
          "Artisans shape tò he from rice dough; children can try making one."),
         ("village", "phu-tuc",
          "Xưởng đan mây tre và bèo bồng; có hàng bán tại xưởng.",
          "Rattan, bamboo and water-hyacinth weaving; goods on sale at the workshops."),
         ("village", "van-tu",
          "Làng may đo: đặt may áo dài buổi sáng có thể lấy trong ngày nếu hẹn trước.",
          "The tailoring village: an áo dài ordered in the morning can be ready the same day if booked ahead."),
     ]),
    ("bat-trang-va-van-phuc-trong-mot-ngay", "gia-lam",
     "Bát Tràng và Vạn Phúc trong một ngày", "Bát Tràng and Vạn Phúc in one day",
     "Buổi sáng làm gốm ở Bát Tràng, buổi chiều xem dệt lụa ở Vạn Phúc, hai bờ sông Hồng.",
     "Pottery in Bát Tràng in the morning, silk weaving in Vạn Phúc in the afternoon, on both sides of the Red River.",
     [
         ("village", "bat-trang",
          "Tự nặn và vẽ gốm tại một xưởng trong làng (khoảng 1–2 giờ).",
          "Throw and paint a pot at a village workshop (about 1–2 hours)."),
         ("showroom", "ocop-bat-trang",
          "Chợ gốm: sản phẩm OCOP có tem và mã QR để tra cứu.",
          "The pottery market: OCOP products carry a label with a QR code to check."),
         ("place", "Phố cổ Hà Nội", 21.0340, 105.8500, "24/7",
          "Nghỉ trưa ở phố cổ trên đường sang Hà Đông.",
          "Lunch in the Old Quarter on the way to Hà Đông."),
         ("village", "van-phuc",
          "Xem khung cửi dệt lụa tơ tằm trong các nhà dọc đường làng.",
          "See mulberry-silk looms at work in the houses along the village lane."),
         ("showroom", "ocop-van-phuc",
          "Mua lụa có chứng nhận OCOP trước khi về.",
          "Buy OCOP-certified silk before heading back."),
     ]),
]

# Events: slug, kind, district slug, title (vi, en), description (vi, en),
# days from the day the demo is loaded, start hour, start minute, length in hours,
# place: ("showroom", slug) | ("village", slug) | ("address", text) | ("livestream", URL),
# producer slugs taking part (their products on sale are shown).
EVENTS = [
    ("hoi-cho-ocop-ha-noi", "fair", "hoan-kiem",
     "Hội chợ OCOP Hà Nội", "Hanoi OCOP Fair",
     "Hơn một trăm gian hàng sản phẩm OCOP và làng nghề của các quận, huyện Hà Nội: gốm, lụa, khảm trai, mây tre, thực phẩm. Dữ liệu minh hoạ.",
     "Over a hundred stands of OCOP and craft-village products from Hanoi's districts: ceramics, silk, inlay, rattan and food. Demo data.",
     10, 8, 0, 4 * 24 - 11, ("address", "Cung Văn hóa Hữu nghị Việt Xô, 91 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội"),
     ["gom-quang-vinh", "lua-van-phuc-phuong-nhung", "kham-trai-chuyen-my", "to-sen-phung-xa", "tra-sen-quang-an", "may-tre-phu-vinh"]),
    ("hoi-cho-ocop-ha-noi-mua-thu", "fair", "hoan-kiem",
     "Hội chợ OCOP Hà Nội mùa thu", "Hanoi OCOP Autumn Fair",
     "Phiên hội chợ trước, giữ lại để tra cứu. Dữ liệu minh hoạ.",
     "The previous fair, kept as a record. Demo data.",
     -60, 8, 0, 3 * 24 - 11, ("address", "Cung Văn hóa Hữu nghị Việt Xô, 91 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội"),
     ["gom-hoang-anh", "htx-lua-van-phuc", "son-mai-ha-thai"]),
    ("livestream-kham-trai-chuyen-my", "livestream", "phu-xuyen",
     "Livestream khảm trai Chuyên Mỹ", "Chuyên Mỹ mother-of-pearl livestream",
     "Nghệ nhân giới thiệu cách khảm trai và bán trực tiếp tranh, hộp khảm trai trên Facebook. Dữ liệu minh hoạ.",
     "Artisans show how shell is inlaid and sell inlaid pictures and boxes live on Facebook. Demo data.",
     3, 20, 0, 2, ("livestream", "https://www.facebook.com/khamtraichuyenmy/live"),
     ["kham-trai-chuyen-my"]),
    ("livestream-may-do-van-tu", "livestream", "phu-xuyen",
     "Livestream áo dài may đo Vân Từ", "Vân Từ made-to-measure áo dài livestream",
     "Phiên bán áo dài may đo trên TikTok, đã kết thúc. Dữ liệu minh hoạ.",
     "A made-to-measure áo dài sale on TikTok, now over. Demo data.",
     -7, 20, 30, 2, ("livestream", "https://www.tiktok.com/@mayvantu/live"),
     ["may-van-tu"]),
    ("ngay-hoi-gom-bat-trang", "festival", "gia-lam",
     "Ngày hội gốm Bát Tràng", "Bát Tràng Pottery Festival",
     "Trình diễn làm gốm, thi vuốt gốm và chợ phiên gốm trong làng. Dữ liệu minh hoạ: ngày thật do làng công bố.",
     "Pottery demonstrations, a throwing contest and a pottery market in the village. Demo data: the village announces the real dates.",
     20, 8, 0, 2 * 24 + 10, ("village", "bat-trang"),
     ["gom-quang-vinh", "gom-su-minh-hai", "htx-gom-bat-trang", "gom-hoang-anh"]),
    ("trai-nghiem-nan-to-he-xuan-la", "workshop", "phu-xuyen",
     "Trải nghiệm nặn tò he Xuân La", "Tò he making at Xuân La",
     "Buổi trải nghiệm nặn tò he cùng nghệ nhân cho gia đình có trẻ nhỏ. Dữ liệu minh hoạ.",
     "A tò he making session with an artisan, for families with children. Demo data.",
     6, 9, 0, 2.5, ("village", "xuan-la"),
     ["to-he-xuan-la"]),
]
