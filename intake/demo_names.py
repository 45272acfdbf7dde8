"""Word lists for the synthetic demo population: Vietnamese names, Hanoi streets, vehicles.

Family-name weights follow the commonly published shares (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %…);
in Hanoi the northern spellings Hoàng and Vũ far outnumber Huỳnh and Võ.  Middle names depend on
sex and, for Văn and Thị, on the generation.  All of it is synthetic: no real person is described.
"""

from __future__ import annotations

FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 4.5), ("Huỳnh", 0.6),
    ("Phan", 4.0), ("Vũ", 3.9), ("Võ", 0.5), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.9), ("Trịnh", 0.8), ("Đào", 0.7),
    ("Đoàn", 0.6), ("Mai", 0.5), ("Lương", 0.5), ("Cao", 0.4), ("Hà", 0.4), ("Chu", 0.3),
    ("Lưu", 0.3), ("Tạ", 0.3), ("Tô", 0.2), ("Kiều", 0.2), ("Vương", 0.2), ("Lại", 0.2),
    ("Khúc", 0.1), ("Nghiêm", 0.1), ("Triệu", 0.2), ("Quách", 0.1),
)  # fmt: skip

TRADITIONAL_MIDDLE = {"male": "Văn", "female": "Thị"}
MIDDLE_NAMES: dict[str, tuple[str, ...]] = {
    "male": (
        "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Tiến", "Mạnh", "Việt", "Hoàng",
        "Anh", "Duy", "Trung", "Đình", "Quốc", "Gia", "Bảo", "Ngọc", "Thế", "Tuấn", "Hải",
    ),
    "female": (
        "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Thùy", "Bảo", "Khánh", "Diệu", "Mai",
        "Hải", "Kim", "Lan", "Thảo", "Hoài", "Quỳnh", "Bích", "Tuyết", "Hà", "Thúy", "Vân",
    ),
}  # fmt: skip

GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "male": (
        "An", "Anh", "Bình", "Cường", "Dũng", "Dương", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng",
        "Hùng", "Huy", "Hưng", "Khánh", "Khoa", "Kiên", "Long", "Mạnh", "Minh", "Nam", "Nghĩa",
        "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thành", "Thắng", "Toàn", "Trung", "Tú",
        "Tuấn", "Tùng", "Việt", "Vinh", "Hậu", "Lâm", "Lộc", "Thịnh", "Bảo", "Đăng", "Khôi",
        "Hòa", "Tiến", "Trường", "Chiến", "Thái", "Luân", "Hiệp", "Quý", "Thuận", "Định",
    ),
    "female": (
        "An", "Anh", "Châm", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền",
        "Hoa", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga",
        "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thơ",
        "Thu", "Thủy", "Trang", "Tuyết", "Uyên", "Vân", "Yến", "Hòa", "Hồng", "Nhàn", "Thư",
        "Vy", "Ánh", "Diệp", "Khánh", "Nguyệt", "Lụa", "Xuân",
    ),
}  # fmt: skip

STREETS: dict[str, tuple[str, ...]] = {
    "Phường Yên Nghĩa": ("Quang Trung", "Phú Lãm", "Yên Lộ", "Ba La", "Lê Trọng Tấn", "Đa Sỹ"),
    "Phường Tây Hồ": ("Lạc Long Quân", "Âu Cơ", "Xuân Diệu", "Tô Ngọc Vân", "Đặng Thai Mai",
                      "Quảng An", "Nhật Chiêu"),
    "Phường Hà Đông": ("Quang Trung", "Trần Phú", "Tô Hiệu", "Nguyễn Trãi", "Lê Lợi", "Bà Triệu",
                       "Ngô Thì Nhậm"),
    "Phường Dương Nội": ("Tố Hữu", "Lê Trọng Tấn", "Lê Quang Đạo", "Vạn Phúc", "Dương Nội",
                         "Nguyễn Thanh Bình"),
    "Phường Kiến Hưng": ("Phúc La", "Văn Phú", "Kiến Hưng", "Nguyễn Khuyến", "Trần Phú"),
    "Phường Bồ Đề": ("Nguyễn Văn Cừ", "Ngọc Lâm", "Bồ Đề", "Long Biên", "Ngọc Thụy",
                     "Gia Thượng"),
    "Phường Việt Hưng": ("Nguyễn Cao Luyện", "Việt Hưng", "Đoàn Khuê", "Hoa Lâm", "Vạn Hạnh",
                         "Trường Lâm"),
    "Phường Phúc Lợi": ("Phúc Lợi", "Vũ Đức Thận", "Thạch Bàn", "Lệ Mật", "Mai Chí Thọ"),
    "Phường Hồng Hà": ("Bạch Đằng", "Hồng Hà", "Nguyễn Khoái", "Chương Dương Độ", "Vạn Kiếp",
                       "Trần Quang Khải"),
    "Phường Sơn Tây": ("Lê Lợi", "Phó Đức Chính", "Quang Trung", "Phùng Khắc Khoan",
                       "Chùa Thông"),
}  # fmt: skip
GENERIC_STREETS: tuple[str, ...] = (
    "Nguyễn Trãi", "Trần Phú", "Lê Lợi", "Quang Trung", "Hoàng Hoa Thám", "Lý Thường Kiệt",
    "Hai Bà Trưng", "Trần Hưng Đạo", "Nguyễn Văn Linh", "Phạm Văn Đồng",
)  # fmt: skip

# Birth provinces other than Hà Nội (001) among Hanoi residents, weighted: mostly the Red River delta.
OTHER_PROVINCES: tuple[tuple[str, float], ...] = (
    ("036", 10), ("034", 9), ("035", 7), ("033", 7), ("030", 6), ("038", 8), ("040", 6),
    ("025", 5), ("026", 5), ("027", 5), ("024", 4), ("037", 4), ("042", 3), ("022", 2),
    ("031", 3), ("017", 3), ("019", 2), ("008", 1), ("014", 1), ("079", 1), ("048", 1),
)  # fmt: skip

MOBILE_PREFIXES: tuple[str, ...] = (
    "032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "070", "076", "077",
    "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093",
    "094", "096", "097", "098",
)  # fmt: skip

MOTORBIKES: tuple[tuple[str, str, str], ...] = (
    # brand, model, engine-number prefix
    ("Honda", "Wave Alpha", "JA39E"), ("Honda", "Vision", "JF86E"), ("Honda", "Air Blade", "JF83E"),
    ("Honda", "Lead", "JF88E"), ("Honda", "SH Mode", "JF87E"), ("Honda", "Future", "JC96E"),
    ("Honda", "Winner X", "KC30E"), ("Honda", "Dream", "HC12E"), ("Yamaha", "Sirius", "5C64"),
    ("Yamaha", "Exciter", "G3D4E"), ("Yamaha", "Janus", "E3Y2E"), ("Yamaha", "Grande", "E3T1E"),
    ("Suzuki", "Raider", "CGA1"), ("Piaggio", "Liberty", "M73"), ("Piaggio", "Vespa", "M81"),
    ("SYM", "Attila", "VMVUA"),
)  # fmt: skip
MOTORBIKE_WEIGHTS: tuple[float, ...] = (
    14, 16, 12, 9, 6, 7, 4, 5, 7, 5, 4, 3, 2, 2, 3, 1,
)  # fmt: skip
ELECTRIC: tuple[tuple[str, str], ...] = (
    ("VinFast", "Feliz S"), ("VinFast", "Klara S"), ("VinFast", "Evo200"), ("VinFast", "Vento S"),
    ("Yadea", "G5"), ("Yadea", "Odora"), ("Pega", "NewTech"), ("Dat Bike", "Weaver"),
)  # fmt: skip
CARS: tuple[tuple[str, str, str], ...] = (
    ("Toyota", "Vios", "2NR"), ("Toyota", "Corolla Cross", "2ZR"), ("Toyota", "Innova", "1TR"),
    ("Hyundai", "Accent", "G4FL"), ("Hyundai", "Grand i10", "G4LA"), ("Hyundai", "Creta", "G4FL"),
    ("Kia", "Morning", "G4LA"), ("Kia", "K3", "G4FG"), ("Kia", "Seltos", "G4FJ"),
    ("Mazda", "CX-5", "PY"), ("Mazda", "Mazda3", "PE"), ("Honda", "City", "L15Z"),
    ("Honda", "CR-V", "L15B"), ("Ford", "Ranger", "YN2S"), ("Ford", "Everest", "YN2S"),
    ("VinFast", "VF 5", "EM"), ("VinFast", "VF 8", "EM"), ("VinFast", "Fadil", "B10"),
    ("Mitsubishi", "Xpander", "4A91"),
)  # fmt: skip
COLOURS: tuple[str, ...] = (
    "Đen", "Trắng", "Đỏ", "Xanh", "Bạc", "Ghi", "Vàng", "Nâu", "Xám", "Xanh dương",
)  # fmt: skip
VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
# World manufacturer prefixes of vehicles assembled in Vietnam (frame numbers are VIN-shaped).
FRAME_PREFIXES: tuple[str, ...] = ("RLHJ", "RLCU", "RLGS", "RL4B", "RLJH", "RLL0", "RP8M")
