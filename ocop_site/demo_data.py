"""The demo catalogue: Hanoi craft villages, producers and OCOP products.

Built from the seed articles and domain notes (shared/seeds, shared/domain.md): the villages,
crafts and producers named there, with plausible products, prices and certificates. It is
illustrative data, flagged `is_demo`, never an official OCOP record. Communes after the 2025
reform and coordinates are approximate.
"""

# slug, name, district slug, current commune/ward, crafts, recognised year or None,
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
    ("van-tu", "Vân Từ", "phu-xuyen", "Xã Phú Xuyên", ["garments"], 2008, 20.7700, 105.8950,
     "Làng may truyền thống, nổi tiếng với áo dài và comple may đo.",
     "A traditional tailoring village known for made-to-measure áo dài and suits."),
    ("phu-yen", "Phú Yên", "phu-xuyen", "Xã Phượng Dực", ["leather-shoes"], 2010, 20.7530, 105.9020,
     "Làng nghề giày da thủ công cung cấp cho thị trường Hà Nội.",
     "A handmade leather shoe village supplying Hanoi's markets."),
    ("phu-tuc", "Phú Túc", "phu-xuyen", "Xã Phú Túc", ["rattan-bamboo"], 2005, 20.7250, 105.8450,
     "Làng mây tre đan và bèo bồng xuất khẩu, có cụm công nghiệp làng nghề.",
     "A rattan, bamboo and water-hyacinth weaving village with its own craft industrial cluster."),
    ("xuan-la", "Xuân La", "phu-xuyen", "Xã Phượng Dực", ["to-he"], 2014, 20.7300, 105.8700,
     "Quê hương của tò he, đồ chơi dân gian nặn từ bột gạo nhiều màu.",
     "Home of tò he, folk toy figurines shaped from coloured rice dough."),
    ("tan-dan", "Tân Dân", "phu-xuyen", "Xã Chuyên Mỹ", ["woodwork"], None, 20.7450, 105.8700,
     "Làng mộc đồ gỗ nội thất.", "A village of wooden furniture makers."),
    ("van-nhan", "Văn Nhân", "phu-xuyen", "Xã Phú Xuyên", ["woodwork"], None, 20.7600, 105.8850,
     "Làng mộc dân dụng và đồ gỗ mỹ nghệ.", "Household and fine-art woodwork."),
    ("son-ha", "Sơn Hà", "phu-xuyen", "Xã Phú Xuyên", ["woodwork", "lacquer"], 2012, 20.7800, 105.9000,
     "Làng nghề gỗ sơn mài, nhiều sản phẩm OCOP 4 sao.",
     "A lacquered woodcraft village with several 4-star OCOP products."),
    ("phu-vinh", "Phú Vinh", "chuong-my", "Xã Phú Nghĩa", ["rattan-bamboo"], 1999, 20.9090, 105.6740,
     "Làng mây tre đan tinh xảo bậc nhất Việt Nam.", "Vietnam's finest rattan and bamboo weaving."),
    ("ha-thai", "Hạ Thái", "thuong-tin", "Xã Thường Tín", ["lacquer"], 2002, 20.8680, 105.8650,
     "Làng sơn mài truyền thống với tranh và đồ trang trí sơn ta.",
     "A traditional lacquerware village: paintings and decorative objects in natural lacquer."),
    ("phung-xa", "Phùng Xá", "my-duc", "Xã Phúc Sơn", ["lotus-silk", "silk-weaving"], 2016, 20.7000, 105.7400,
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
    ("huu-bang", "Hữu Bằng", "thach-that", "Xã Hữu Bằng", ["woodwork", "garments"], 2007, 21.0330, 105.6080,
     "Làng mộc và may mặc với hàng nghìn xưởng gia đình.", "Carpentry and sewing in thousands of family workshops."),
    ("thiet-ung", "Thiết Úng", "dong-anh", "Xã Thư Lâm", ["woodwork"], 2005, 21.1500, 105.8700,
     "Làng mỹ nghệ gỗ truyền thống, điêu khắc và khảm gỗ.", "Traditional fine-art woodcraft: carving and wood inlay."),
    ("duong-lam", "Đường Lâm", "son-tay", "Phường Sơn Tây", ["food-processing", "soy-sauce"], None, 21.1550, 105.4750,
     "Làng cổ đá ong với chè lam, tương và kẹo dồi.", "An ancient laterite village known for chè lam sweets, soy sauce and peanut candy."),
    ("chuong", "Chuông", "thanh-oai", "Xã Dân Hòa", ["conical-hats"], 2008, 20.8270, 105.7780,
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
# (name vi, name en, unit vi, unit en, product set, base price in VND)
PRODUCT_TEMPLATES = {
    "ceramics": [
        ("Bình hút lộc men lam", "Blue-glaze lucky pot", "chiếc", "piece", "handicrafts-decor", 650_000),
        ("Ấm chén men rạn", "Crackle-glaze tea set", "bộ", "set", "handicrafts-decor", 850_000),
        ("Lọ hoa men hoa biến", "Flambé-glaze flower vase", "chiếc", "piece", "handicrafts-decor", 450_000),
        ("Bộ bát đĩa men gio", "Ash-glaze tableware set", "bộ", "set", "handicrafts-decor", 1_200_000),
        ("Đĩa sứ vẽ tay sen", "Hand-painted lotus plate", "chiếc", "piece", "handicrafts-decor", 350_000),
        ("Cốc gốm men nâu", "Brown-glaze mug", "chiếc", "piece", "handicrafts-decor", 120_000),
    ],
    "silk-weaving": [
        ("Khăn lụa tơ tằm Vạn Phúc", "Van Phuc mulberry silk scarf", "chiếc", "piece", "handicrafts-fabric", 450_000),
        ("Lụa vân hoa may áo dài", "Patterned silk for áo dài", "mét", "metre", "handicrafts-fabric", 380_000),
        ("Cà vạt lụa tơ tằm", "Mulberry silk tie", "chiếc", "piece", "handicrafts-fabric", 250_000),
        ("Áo dài lụa tơ tằm", "Silk áo dài", "bộ", "set", "handicrafts-fabric", 2_500_000),
    ],
    "lotus-silk": [
        ("Khăn tơ sen", "Lotus silk scarf", "chiếc", "piece", "handicrafts-fabric", 4_500_000),
        ("Cà vạt tơ sen", "Lotus silk tie", "chiếc", "piece", "handicrafts-fabric", 3_200_000),
    ],
    "lacquer": [
        ("Tranh sơn mài phong cảnh", "Lacquer landscape painting", "bức", "piece", "handicrafts-decor", 3_500_000),
        ("Hộp sơn mài đựng trang sức", "Lacquer jewellery box", "chiếc", "piece", "handicrafts-decor", 550_000),
        ("Bát sơn mài vỏ trứng", "Eggshell lacquer bowl", "chiếc", "piece", "handicrafts-decor", 420_000),
        ("Khay sơn mài", "Lacquer tray", "chiếc", "piece", "handicrafts-decor", 680_000),
    ],
    "mother-of-pearl": [
        ("Tranh khảm trai Văn Miếu", "Temple of Literature mother-of-pearl picture", "bức", "piece", "handicrafts-decor", 5_800_000),
        ("Hộp gỗ khảm trai", "Mother-of-pearl inlaid wooden box", "chiếc", "piece", "handicrafts-decor", 950_000),
        ("Khay trà khảm trai", "Mother-of-pearl tea tray", "chiếc", "piece", "handicrafts-decor", 1_250_000),
    ],
    "rattan-bamboo": [
        ("Giỏ mây đan tay", "Hand-woven rattan basket", "chiếc", "piece", "handicrafts-decor", 280_000),
        ("Đèn tre trang trí", "Decorative bamboo lamp", "chiếc", "piece", "handicrafts-decor", 520_000),
        ("Khay mây đựng hoa quả", "Rattan fruit tray", "chiếc", "piece", "handicrafts-decor", 190_000),
        ("Túi cói thời trang", "Sedge handbag", "chiếc", "piece", "handicrafts-decor", 350_000),
        ("Bộ hộp bèo bồng", "Water-hyacinth storage boxes", "bộ", "set", "handicrafts-decor", 620_000),
    ],
    "woodwork": [
        ("Tượng gỗ Phật Di Lặc", "Carved wooden Maitreya statue", "pho", "piece", "handicrafts-decor", 4_200_000),
        ("Bàn trà gỗ hương", "Rosewood tea table", "chiếc", "piece", "handicrafts-decor", 8_500_000),
        ("Hộp gỗ sơn mài đựng trà", "Lacquered wooden tea caddy", "chiếc", "piece", "handicrafts-decor", 390_000),
        ("Tranh gỗ khắc chữ Phúc", "Carved wooden 'Phúc' panel", "bức", "piece", "handicrafts-decor", 1_600_000),
        ("Ghế gỗ tần bì", "Ash-wood chair", "chiếc", "piece", "handicrafts-decor", 1_900_000),
    ],
    "garments": [
        ("Áo dài may đo", "Made-to-measure áo dài", "bộ", "set", "handicrafts-fabric", 1_800_000),
        ("Bộ comple nam", "Men's tailored suit", "bộ", "set", "handicrafts-fabric", 3_200_000),
        ("Sơ mi nữ lụa", "Women's silk shirt", "chiếc", "piece", "handicrafts-fabric", 650_000),
    ],
    "leather-shoes": [
        ("Giày da nam thủ công", "Handmade men's leather shoes", "đôi", "pair", "handicrafts-fabric", 950_000),
        ("Giày búp bê da nữ", "Women's leather ballet flats", "đôi", "pair", "handicrafts-fabric", 620_000),
        ("Dép da quai ngang", "Leather slide sandals", "đôi", "pair", "handicrafts-fabric", 380_000),
    ],
    "to-he": [
        ("Bộ tò he 12 con giáp", "Tò he zodiac set of 12", "bộ", "set", "handicrafts-decor", 240_000),
        ("Tò he hình Thánh Gióng", "Thánh Gióng tò he figure", "con", "piece", "handicrafts-decor", 45_000),
    ],
    "conical-hats": [
        ("Nón lá Chuông", "Chuông conical hat", "chiếc", "piece", "handicrafts-decor", 150_000),
        ("Nón quai thao", "Quai thao flat hat", "chiếc", "piece", "handicrafts-decor", 420_000),
    ],
    "lotus-tea": [
        ("Trà sen Tây Hồ ướp bông", "West Lake lotus-scented tea", "hộp 100 g", "100 g box", "beverages-tea", 1_500_000),
        ("Trà sen Quảng An túi lọc", "Quảng An lotus tea bags", "hộp 25 túi", "box of 25 bags", "beverages-tea", 180_000),
        ("Trà tâm sen", "Lotus embryo tea", "hộp 200 g", "200 g box", "beverages-tea", 220_000),
    ],
    "confectionery": [
        ("Bánh chè lam", "Chè lam ginger rice cake", "hộp 500 g", "500 g box", "food-processed", 90_000),
        ("Kẹo lạc vừng", "Peanut and sesame candy", "gói 300 g", "300 g pack", "food-processed", 55_000),
        ("Bánh cốm", "Green rice cake", "hộp 6 chiếc", "box of 6", "food-processed", 120_000),
    ],
    "knitting": [
        ("Áo len dệt kim", "Knitted wool sweater", "chiếc", "piece", "handicrafts-fabric", 320_000),
        ("Khăn len dệt kim", "Knitted scarf", "chiếc", "piece", "handicrafts-fabric", 150_000),
    ],
    "food-processing": [
        ("Kẹo dồi lạc", "Peanut candy bar", "gói 250 g", "250 g pack", "food-processed", 60_000),
        ("Chè lam gừng", "Ginger chè lam", "hộp 400 g", "400 g box", "food-processed", 75_000),
        ("Gạo nếp cái hoa vàng", "Yellow-flower sticky rice", "túi 2 kg", "2 kg bag", "food-raw", 110_000),
    ],
    "vermicelli": [
        ("Miến dong", "Arrowroot glass noodles", "gói 500 g", "500 g pack", "food-processed", 65_000),
        ("Bún khô", "Dried rice vermicelli", "gói 500 g", "500 g pack", "food-processed", 40_000),
    ],
    "soy-sauce": [
        ("Tương nếp truyền thống", "Traditional sticky-rice soy sauce", "chai 500 ml", "500 ml bottle", "food-condiments", 55_000),
        ("Tương bần", "Bần soy sauce", "chai 1 lít", "1 litre bottle", "food-condiments", 85_000),
    ],
}

# Producers without a village make goods of other OCOP groups.
PRODUCER_GOODS = {
    "htx-chu-quyen": [
        ("Rau cải ngọt hữu cơ", "Organic choy sum", "bó 500 g", "500 g bunch", "food-fresh", 25_000),
        ("Su su Ba Vì", "Ba Vì chayote", "kg", "kg", "food-fresh", 20_000),
        ("Cà chua an toàn", "Safe-grown tomatoes", "kg", "kg", "food-fresh", 30_000),
        ("Rau muống hữu cơ", "Organic water spinach", "bó 500 g", "500 g bunch", "food-fresh", 18_000),
    ],
    "du-lich-hong-van": [
        ("Trải nghiệm du lịch cộng đồng Hồng Vân", "Hồng Vân community tourism day", "người", "person", "tourism-services", 350_000),
        ("Tour làng nghề sơn mài Hạ Thái", "Hạ Thái lacquer village tour", "người", "person", "tourism-services", 450_000),
    ],
    "duoc-lieu-ba-vi": [
        ("Cao cà gai leo", "Cà gai leo herbal extract", "lọ 100 g", "100 g jar", "herbs-medicine", 180_000),
        ("Trà giảo cổ lam", "Jiaogulan herbal tea", "hộp 200 g", "200 g box", "herbs-food", 120_000),
        ("Tinh dầu sả chanh", "Lemongrass essential oil", "chai 50 ml", "50 ml bottle", "herbs-cosmetics", 95_000),
        ("Xà phòng thảo dược Dao đỏ", "Red Dao herbal soap", "bánh", "bar", "herbs-cosmetics", 45_000),
    ],
    "hoa-me-linh": [
        ("Hoa hồng Mê Linh", "Mê Linh roses", "bó 20 bông", "bunch of 20", "ornamental-flowers", 150_000),
        ("Lan hồ điệp chậu", "Potted moth orchid", "chậu", "pot", "ornamental-plants", 650_000),
        ("Cây bonsai sanh", "Ficus bonsai", "chậu", "pot", "ornamental-plants", 2_400_000),
        ("Cá chép Koi giống", "Koi carp fry", "con", "fish", "ornamental-animals", 180_000),
    ],
    "ruou-lang-van": [
        ("Rượu làng Vân", "Làng Vân rice wine", "chai 500 ml", "500 ml bottle", "beverages-alcoholic", 160_000),
        ("Rượu nếp cái hoa vàng", "Yellow-flower sticky rice wine", "chai 700 ml", "700 ml bottle", "beverages-alcoholic", 210_000),
        ("Nước ép bưởi Diễn", "Diễn pomelo juice", "chai 330 ml", "330 ml bottle", "beverages-soft", 35_000),
    ],
}

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
     "Thôn Vân Từ, xã Phú Xuyên", "7:30–17:30", "7:30 am – 5:30 pm", 20.7705, 105.8955),
    ("ocop-son-ha", "Điểm OCOP Làng nghề gỗ Sơn Hà", "village_point", "phu-xuyen", "son-ha",
     "Xã Phú Xuyên (Sơn Hà cũ)", "8:00–17:00", "8 am – 5 pm", 20.7805, 105.9010),
    ("showroom-ocop-phu-xuyen", "Showroom OCOP huyện Phú Xuyên", "showroom", "phu-xuyen", None,
     "Quốc lộ 1A, thị trấn Phú Xuyên cũ", "8:00–18:00", "8 am – 6 pm", 20.7400, 105.9100),
    ("ocop-ha-thai", "Điểm OCOP Làng sơn mài Hạ Thái", "village_point", "thuong-tin", "ha-thai",
     "Thôn Hạ Thái, xã Thường Tín", "8:00–17:30", "8 am – 5:30 pm", 20.8685, 105.8660),
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

STEP_TEMPLATES = {
    "handicrafts": [
        ("Chọn nguyên liệu", "Choosing materials"),
        ("Tạo hình thủ công", "Shaping by hand"),
        ("Hoàn thiện bề mặt", "Finishing"),
        ("Kiểm tra chất lượng", "Quality check"),
    ],
    "food": [
        ("Thu hoạch nguyên liệu", "Harvesting ingredients"),
        ("Sơ chế", "Preparation"),
        ("Chế biến", "Processing"),
        ("Đóng gói", "Packing"),
    ],
    "beverages": [
        ("Thu hái", "Picking"),
        ("Ướp hương / lên men", "Scenting or fermenting"),
        ("Đóng gói", "Packing"),
    ],
    "herbs": [
        ("Thu hái dược liệu", "Gathering herbs"),
        ("Sấy khô", "Drying"),
        ("Chiết xuất, đóng gói", "Extracting and packing"),
    ],
}

VILLAGES_BY_SLUG = {village[0]: village for village in VILLAGES}

# Products the articles name among Hanoi's best: 5 stars in the demo, whatever the dice say.
FIVE_STAR = {
    "gom-quang-vinh": ("Bình hút lộc men lam",),
    "to-sen-phung-xa": ("Khăn tơ sen",),
    "lua-van-phuc-phuong-nhung": ("Khăn lụa tơ tằm Vạn Phúc",),
}
