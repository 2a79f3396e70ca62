"""The demo's shoppers and what they wrote about what they bought (demo/orders.py uses them).

Made up, but written as Hanoi shoppers and visitors write: addresses by street, ward and the
old district people still name, first names as reviews are signed, and reviews that talk about
the thing bought (a glaze, a scarf's weave, how a tea brews), not about "the product".
"""

# full name, mobile (E.164), email ("" for none), address, ward or commune (its official
# name, "" outside Hanoi), old district slug ("" outside Hanoi), the order's language
SHOPPERS = [
    ("Nguyễn Thị Lan", "+84912408316", "lan.nguyen@example.com", "18 ngõ 61 Lạc Trung", "Phường Hai Bà Trưng", "hai-ba-trung", "vi"),
    ("Trần Minh Đức", "+84983227145", "", "25 Hàng Bông", "Phường Hoàn Kiếm", "hoan-kiem", "vi"),
    ("Phạm Thu Hà", "+84904512778", "thuha.pham@example.com", "Tòa B2, 102 Trường Chinh", "Phường Đống Đa", "dong-da", "vi"),
    ("Lê Quang Huy", "+84866301952", "", "7 Trần Quốc Hoàn", "Phường Cầu Giấy", "cau-giay", "vi"),
    ("Hoàng Ngọc Mai", "+84971665203", "mai.hoang@example.com", "41 Xuân Diệu", "Phường Tây Hồ", "tay-ho", "vi"),
    ("Đỗ Văn Nam", "+84395874120", "", "Số 9 phố Quang Trung", "Phường Hà Đông", "ha-dong", "vi"),
    ("Vũ Thị Hồng", "+84918093347", "hong.vu@example.com", "112 Nguyễn Văn Cừ", "Phường Long Biên", "long-bien", "vi"),
    ("Bùi Anh Tuấn", "+84354216689", "", "Ngõ 3 Khương Trung", "Phường Thanh Xuân", "thanh-xuan", "vi"),
    ("Ngô Phương Linh", "+84987552031", "linh.ngo@example.com", "56 Tam Trinh", "Phường Hoàng Mai", "hoang-mai", "vi"),
    ("Đặng Thị Thu", "+84912780564", "", "Thôn 2, xã Bát Tràng", "Xã Bát Tràng", "gia-lam", "vi"),
    ("Nguyễn Hữu Phúc", "+84903118726", "phuc.nguyen@example.com", "88 Nguyễn Thị Minh Khai, Phường Bến Thành, TP. Hồ Chí Minh", "", "", "vi"),
    ("Trịnh Bảo Ngọc", "+84935620417", "", "15 Lê Duẩn, Phường Hải Châu, TP. Đà Nẵng", "", "", "vi"),
    ("Emma Clarke", "+84961304882", "emma.clarke@example.com", "Hanoi Old Quarter Homestay, 32 Hàng Bạc", "Phường Hoàn Kiếm", "hoan-kiem", "en"),
    ("Daniel Weber", "+84387712906", "daniel.weber@example.com", "Apartment 1204, 6 Thụy Khuê", "Phường Tây Hồ", "tay-ho", "en"),
    ("Aiko Tanaka", "+84909441573", "aiko.tanaka@example.com", "Somerset West Point, 2 Tây Hồ", "Phường Tây Hồ", "tay-ho", "en"),
    ("Sophie Martin", "+84976285014", "", "Hotel de l'Opera, 29 Tràng Tiền", "Phường Hoàn Kiếm", "hoan-kiem", "en"),
]

# What shoppers write in an order's note for the producer (most leave it empty).
NOTES = {
    "vi": [
        "Gọi trước khi giao, giờ hành chính tôi ở cơ quan.",
        "Gói kỹ giúp em, hàng dễ vỡ ạ.",
        "Mua làm quà biếu, nhờ cơ sở gói giấy đỏ giúp.",
        "Giao sau 17h giúp mình nhé.",
    ],
    "en": [
        "Please call before delivery; the reception speaks English.",
        "A gift: please leave the price tag out of the parcel.",
    ],
}

# Why a producer cancelled an order (the shopper reads it), in the order's language.
CANCEL_REASONS = {
    "vi": [
        "Mẫu men này vừa hết, lò nung mẻ mới sau Tết; cơ sở đã gọi báo khách.",
        "Khách đổi ý qua điện thoại, hẹn đặt lại mẫu khác.",
    ],
    "en": ["Sold out until the next firing; we called to let you know."],
}

# What a buyer writes about, by the demo picture's kind of thing (demo/data.py's templates).
# Lacquer and inlay are told apart from glazed ware by their names ("Bát sơn mài").
REVIEW_KIND_OF_PICTURE = {
    **dict.fromkeys(["lucky-pot", "teaset", "vase", "plate", "cup", "bowl"], "ceramics"),
    **dict.fromkeys(["box", "tray", "painting", "pearl-picture"], "lacquer"),
    **dict.fromkeys(["carved-panel", "statue", "table", "chair"], "wood"),
    **dict.fromkeys(["basket", "woven-box", "woven-tray", "handbag", "lamp", "conical-hat", "flat-hat"], "woven"),
    **dict.fromkeys(["to-he", "to-he-set"], "toys"),
    **dict.fromkeys(["scarf", "fabric", "tie", "shirt"], "silk"),
    **dict.fromkeys(["ao-dai", "knit-scarf", "sweater", "suit"], "garments"),
    **dict.fromkeys(["shoes", "flats", "sandals"], "leather"),
    **dict.fromkeys(["tea-box", "tea-tin", "tea-jar"], "tea"),
    **dict.fromkeys(["wine-bottle", "juice"], "drinks"),
    **dict.fromkeys(["com-cake", "rice-cake", "candy"], "sweets"),
    **dict.fromkeys(["glass-noodles", "rice-noodles", "rice-bag"], "grains"),
    "sauce-bottle": "sauce",
    **dict.fromkeys(["chayote", "greens", "tomatoes"], "fresh"),
    **dict.fromkeys(["soap", "oil-bottle", "herb-jar"], "herbs"),
    **dict.fromkeys(["flowers", "bonsai", "orchid"], "plants"),
}
# English reviews are fewer: kinds share them by what they are.
ENGLISH_KIND = {
    **dict.fromkeys(["ceramics", "lacquer", "wood", "woven", "toys"], "crafts"),
    **dict.fromkeys(["silk", "garments", "leather"], "wear"),
    **dict.fromkeys(["tea", "drinks"], "drinks"),
    **dict.fromkeys(["sweets", "grains", "sauce", "fresh"], "food"),
    **dict.fromkeys(["herbs", "plants"], "garden"),
}

# (stars, text) by kind and language.
REVIEWS = {
    "vi": {
        "ceramics": [
            (5, "Men đẹp hơn trong ảnh, màu rất trong. Đóng gói chống sốc kỹ, về đến nơi nguyên vẹn."),
            (5, "Mua làm quà tân gia cho bạn, ai cũng khen. Nét vẽ tay đều và tinh."),
            (4, "Gốm chắc tay, men đều. Giao chậm một ngày so với hẹn nhưng chủ cơ sở có gọi báo trước."),
            (3, "Đẹp nhưng màu men thực tế đậm hơn ảnh một chút. Cơ sở hỗ trợ đổi nhanh nên vẫn hài lòng."),
        ],
        "lacquer": [
            (5, "Nước sơn bóng sâu, soi thấy cả bóng mình. Khảm và vẽ rất tỉ mỉ, đáng đồng tiền."),
            (5, "Mua tặng đối tác nước ngoài, họ rất thích. Có kèm giấy giới thiệu làng nghề, rất chu đáo."),
            (4, "Đẹp, đúng mô tả. Giá hơi cao nhưng xứng với công làm thủ công nhiều tháng."),
        ],
        "wood": [
            (5, "Gỗ thơm, vân đẹp, mộng ghép khít. Cơ sở giao tận nhà và lắp giúp luôn."),
            (4, "Đường chạm sắc nét. Lớp dầu hoàn thiện còn mùi vài ngày đầu, để thoáng là hết."),
        ],
        "woven": [
            (5, "Đan đều tay, chắc chắn, không có sợi thừa. Dùng đựng đồ trong nhà rất xinh."),
            (5, "Hàng thủ công làng nghề thật sự, có tem OCOP, quét mã QR ra đúng cơ sở sản xuất."),
            (4, "Đẹp và nhẹ. Mong cơ sở có thêm nhiều cỡ để chọn."),
        ],
        "toys": [
            (5, "Các cháu mê lắm, màu bột gạo tươi mà an toàn. Nghệ nhân nặn rất có hồn."),
            (4, "Mua cho con làm đồ chơi Trung thu, nặn khéo. Nên bày nơi khô ráo vì dễ mềm khi trời nồm."),
        ],
        "silk": [
            (5, "Lụa mềm, mặc mát, sờ vào biết ngay là tơ tằm thật. Màu nhã, đúng như ảnh."),
            (5, "Mua tặng mẹ, mẹ rất thích. Đường dệt đều, không bị xổ sợi."),
            (4, "Chất lụa tốt, hoa văn đẹp. Hộp đựng có thể làm đẹp hơn để đi biếu."),
        ],
        "garments": [
            (5, "May vừa khít, đường kim mũi chỉ chắc chắn. Cơ sở hỏi số đo rất kỹ qua điện thoại."),
            (4, "Chất vải tốt, form đẹp. Giao sau năm ngày, hơi lâu hơn dự kiến."),
        ],
        "leather": [
            (5, "Da thật, mềm, đi vài hôm là êm chân. Đường khâu đều, đế chắc."),
            (4, "Đẹp và bền. Size hơi rộng, cơ sở đổi giúp cỡ nhỏ hơn miễn phí."),
        ],
        "tea": [
            (5, "Trà thơm, nước xanh, uống có hậu ngọt. Pha được ba bốn nước vẫn còn vị."),
            (5, "Mua biếu bố, bố khen hơn hẳn loại mua ở chợ. Hộp đẹp, sang."),
            (4, "Hương thơm dịu, đóng gói kín. Sẽ thử thêm loại khác của cơ sở."),
        ],
        "drinks": [
            (5, "Uống êm, thơm mùi nguyên liệu, không gắt. Chai có tem truy xuất rõ ràng."),
            (4, "Vị ngon, đóng chai cẩn thận. Giá hợp lý cho hàng OCOP."),
        ],
        "sweets": [
            (5, "Thơm, giòn, ngọt vừa phải, đúng vị ngày xưa bà hay mua. Cả nhà ăn hết trong hai bữa."),
            (4, "Ngon, đóng gói sạch sẽ, có hạn sử dụng rõ ràng. Mong có loại túi nhỏ để mua thử."),
            (2, "Giao đến hơi muộn nên bánh không còn giòn như mua tại chỗ."),
        ],
        "grains": [
            (5, "Nấu lên thơm, dẻo, không bị nát. Sẽ đặt thêm cho cả tháng."),
            (5, "Đóng túi hút chân không sạch sẽ, quét mã xem được cả lô sản xuất, yên tâm."),
            (4, "Chất lượng tốt, giá hợp lý so với hàng OCOP 4 sao. Giao nhanh trong ngày."),
        ],
        "sauce": [
            (5, "Tương sánh, thơm mùi nếp, đúng vị làm truyền thống. Chấm rau muống luộc là hết ý."),
            (4, "Vị đậm đà, chai đóng kín không rò rỉ. Mong có thêm chai nhỏ để mua thử."),
        ],
        "fresh": [
            (5, "Rau tươi, sạch, được hái sáng hôm giao. Ăn ngọt hơn hẳn rau chợ."),
            (4, "Tươi và ngon, có vài cây hơi dập do vận chuyển nhưng vẫn dùng được."),
        ],
        "herbs": [
            (5, "Dùng được hai tuần thấy hiệu quả, mùi thảo mộc dễ chịu, không hắc."),
            (4, "Đóng chai tiện dùng, có hướng dẫn rõ ràng bằng tiếng Việt. Giao hàng nhanh."),
        ],
        "plants": [
            (5, "Cây khỏe, bầu đất chắc, đóng thùng cẩn thận. Chủ vườn còn gửi kèm cách chăm."),
            (4, "Đẹp, nhỏ hơn tưởng tượng một chút nhưng xanh tốt, sau một tuần đã ra thêm lá."),
        ],
    },
    "en": {
        "crafts": [
            (5, "Even lovelier than the photos, and it survived the flight home in my suitcase thanks to the careful packing."),
            (5, "Bought after visiting the village. The QR code on the label showed the workshop we had just walked past."),
            (4, "Beautiful work and fairly priced for something handmade. Delivery to the hotel took one day longer than shown."),
        ],
        "wear": [
            (5, "Beautifully made, and the workshop explained how to care for it."),
            (4, "Lovely material and finish; I wish the gift box were a little sturdier."),
        ],
        "drinks": [
            (5, "Fragrant and smooth, with a clear trace code on the label. A perfect gift to take home."),
        ],
        "food": [
            (5, "Tasted just like at the market stall, well sealed and with a clear best-before date."),
            (4, "Very good, though the bag was bigger than we could finish before flying home."),
        ],
        "garden": [(4, "Arrived quickly and carefully packed, with care notes in English.")],
    },
}

# Hidden by an officer, with the reason the buyer is told (demo/orders.py hides one review).
HIDDEN_REVIEW = (1, "Mua ở shop khác rẻ hơn nhiều, ai cần liên hệ zalo 09xx để lấy giá sỉ.")
HIDDEN_REASON = "Đánh giá quảng cáo nơi bán khác và để lại số điện thoại, không nói về sản phẩm đã mua."

# The producer's reply, in the review's language ({name}: who signed the review): thanks
# for five stars, an answer to the remark in anything less.
REPLIES = {
    "vi": {
        "praise": [
            "Cảm ơn {name} đã tin dùng sản phẩm của cơ sở. Hẹn gặp {name} ở làng nghề dịp gần nhất!",
            "Cơ sở rất vui khi {name} hài lòng. Cảm ơn {name} đã giới thiệu cho người thân!",
        ],
        "remark": [
            "Cơ sở cảm ơn {name} đã góp ý, cơ sở sẽ cố gắng làm tốt hơn ở những đơn sau.",
            "Cảm ơn {name} đã dành thời gian nhận xét. Có gì chưa vừa ý, {name} cứ gọi cơ sở để được hỗ trợ ngay.",
        ],
    },
    "en": {
        "praise": ["Thank you, {name}, and safe travels! We hope to welcome you to the village again."],
        "remark": ["Thank you for telling us, {name}. Call us any time if something is not right."],
    },
}
