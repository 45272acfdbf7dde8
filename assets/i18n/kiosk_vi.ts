<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AnswerCard</name>
    <message>
        <source>Car</source>
        <translation>Ô tô</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>Xe máy</translation>
    </message>
    <message>
        <source>Electric motorbike</source>
        <translation>Xe máy điện</translation>
    </message>
    <message>
        <source>Other vehicle</source>
        <translation>Phương tiện khác</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>No longer mine: sold</source>
        <translation>Không còn là của tôi: đã bán</translation>
    </message>
    <message>
        <source>No longer mine: given away</source>
        <translation>Không còn là của tôi: đã cho/tặng</translation>
    </message>
    <message>
        <source>No longer mine: scrapped</source>
        <translation>Không còn là của tôi: đã huỷ</translation>
    </message>
    <message>
        <source>No longer mine: lost</source>
        <translation>Không còn là của tôi: bị mất</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Bổ sung</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <source>Licence class %1 · no. %2</source>
        <translation>Giấy phép lái xe hạng %1 · số %2</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>Bought second-hand, never transferred</source>
        <translation>Xe mua lại chưa sang tên</translation>
    </message>
    <message>
        <source>A vehicle not on file</source>
        <translation>Xe chưa có trong hồ sơ</translation>
    </message>
    <message>
        <source>A driving licence not on file</source>
        <translation>Giấy phép lái xe chưa có trong hồ sơ</translation>
    </message>
    <message>
        <source>Added by the resident</source>
        <translation>Người dân khai bổ sung</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Registered owner: %1</source>
        <translation>Chủ xe đăng ký: %1</translation>
    </message>
    <message>
        <source>Class %1 · no. %2</source>
        <translation>Hạng %1 · số %2</translation>
    </message>
    <message>
        <source>2024 classes</source>
        <translation>Hạng theo luật 2024</translation>
    </message>
    <message>
        <source>2008 classes</source>
        <translation>Hạng theo luật 2008</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>đã hết hạn</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>còn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>expires %1: %2</source>
        <translation>hết hạn %1: %2</translation>
    </message>
    <message>
        <source>Answer the record on file instead</source>
        <translation>Trả lời cho xe trong hồ sơ</translation>
    </message>
    <message>
        <source>Number plate</source>
        <translation>Biển số</translation>
    </message>
    <message>
        <source>Kind of vehicle</source>
        <translation>Loại xe</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Nhãn hiệu</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Số loại</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Màu sơn</translation>
    </message>
    <message>
        <source>Chassis number</source>
        <translation>Số khung</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>Số máy</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>Số giấy phép lái xe</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <source>Class scheme</source>
        <translation>Hệ thống hạng</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ngày hết hạn</translation>
    </message>
    <message>
        <source>Name of the person it went to</source>
        <translation>Tên người nhận xe</translation>
    </message>
    <message>
        <source>From whom it was bought (if not the owner on the papers)</source>
        <translation>Mua của ai (nếu không phải chủ xe trên giấy tờ)</translation>
    </message>
    <message>
        <source>From whom it came (if known)</source>
        <translation>Nhận xe từ ai (nếu biết)</translation>
    </message>
    <message>
        <source>Owner on the registration papers</source>
        <translation>Chủ xe trên giấy đăng ký</translation>
    </message>
    <message>
        <source>Owner&apos;s ID number (type it, or scan their card)</source>
        <translation>Số định danh của chủ xe (nhập, hoặc quét thẻ)</translation>
    </message>
    <message>
        <source>Their ID number (type it, or scan their card)</source>
        <translation>Số định danh của người đó (nhập, hoặc quét thẻ của họ)</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Ngày xảy ra</translation>
    </message>
    <message>
        <source>When it was bought (if known)</source>
        <translation>Ngày mua (nếu biết)</translation>
    </message>
    <message>
        <source>Papers seen</source>
        <translation>Giấy tờ đã xem</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Đã bán</translation>
    </message>
    <message>
        <source>Given away</source>
        <translation>Đã cho/tặng</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Đã huỷ</translation>
    </message>
    <message>
        <source>Type the plate</source>
        <translation>Nhập biển số</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Bị mất</translation>
    </message>
    <message>
        <source>Why is it no longer yours?</source>
        <translation>Vì sao không còn là của ông/bà?</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Đúng</translation>
    </message>
    <message>
        <source>Needs correcting</source>
        <translation>Cần sửa</translation>
    </message>
    <message>
        <source>No longer mine</source>
        <translation>Không còn là của tôi</translation>
    </message>
    <message>
        <source>Not mine</source>
        <translation>Không phải của tôi</translation>
    </message>
    <message>
        <source>Use this date</source>
        <translation>Dùng ngày này</translation>
    </message>
</context>
<context>
    <name>AttentionScreen</name>
    <message>
        <source>The ward&apos;s server already has %1: nothing goes back or again.</source>
        <translation>Máy chủ của phường đã có %1: không trả lại, không gửi lại.</translation>
    </message>
    <message>
        <source>The ward&apos;s server cannot be asked now whether it has this record, so it is not sent back yet. Try again when the kiosk is online.</source>
        <translation>Chưa hỏi được máy chủ của phường xem đã có hồ sơ này chưa, nên chưa trả lại. Xin thử lại khi máy đã trực tuyến.</translation>
    </message>
    <message>
        <source>%1 was sent back to the volunteer with the reasons.</source>
        <translation>Đã trả %1 lại cho tình nguyện viên kèm lý do.</translation>
    </message>
    <message>
        <source>%1 was re-created as a new visit, code %2: continue it from Home.</source>
        <translation>Đã tạo lại %1 thành lượt ghi nhận mới, mã %2: tiếp tục từ Trang chính.</translation>
    </message>
    <message>
        <source>%1 is queued to be sent again.</source>
        <translation>%1 đã được xếp để gửi lại.</translation>
    </message>
    <message>
        <source>This record changed in the meantime: the list is up to date again.</source>
        <translation>Hồ sơ này vừa thay đổi: danh sách đã được cập nhật.</translation>
    </message>
    <message>
        <source>The ward&apos;s server did not accept this record. Please check it with the resident.</source>
        <translation>Máy chủ của phường không nhận hồ sơ này. Xin kiểm tra lại với người dân.</translation>
    </message>
    <message>
        <source>The ward&apos;s server did not accept it: %1</source>
        <translation>Máy chủ của phường không nhận: %1</translation>
    </message>
    <message>
        <source>The ward&apos;s server could not take this record. Please check it with the resident and save it again.</source>
        <translation>Máy chủ của phường không nhận được hồ sơ này. Xin kiểm tra lại với người dân rồi lưu lại.</translation>
    </message>
    <message>
        <source>Records that need an officer</source>
        <translation>Hồ sơ cần cán bộ xử lý</translation>
    </message>
    <message>
        <source>Nothing needs an officer now.</source>
        <translation>Hiện không có hồ sơ nào cần cán bộ xử lý.</translation>
    </message>
    <message>
        <source>Not accepted by the ward&apos;s server (%1)</source>
        <translation>Máy chủ của phường không nhận (%1)</translation>
    </message>
    <message>
        <source>The server holds other content under the same record (%1)</source>
        <translation>Máy chủ có nội dung khác cho cùng hồ sơ (%1)</translation>
    </message>
    <message>
        <source>The server keeps failing on these (%1)</source>
        <translation>Máy chủ liên tục lỗi với các hồ sơ này (%1)</translation>
    </message>
    <message>
        <source>Captured by %1 · since %2</source>
        <translation>Người ghi nhận: %1 · từ %2</translation>
    </message>
    <message>
        <source>Send back to the volunteer</source>
        <translation>Trả lại cho tình nguyện viên</translation>
    </message>
    <message>
        <source>Re-create as new</source>
        <translation>Tạo lại thành hồ sơ mới</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử gửi lại</translation>
    </message>
    <message>
        <source>The server gave no reason.</source>
        <translation>Máy chủ không nêu lý do.</translation>
    </message>
    <message>
        <source>The server already has a different record under this one&apos;s number. Re-create it: a new visit with the same answers, to check and save again.</source>
        <translation>Máy chủ đã có một hồ sơ khác mang số của hồ sơ này. Hãy tạo lại: một lượt mới với cùng câu trả lời, để kiểm tra và lưu lại.</translation>
    </message>
    <message numerus="yes">
        <source>The server failed on it %n time(s); the kiosk no longer retries it by itself.</source>
        <translation>
            <numerusform>Máy chủ đã lỗi %n lần với hồ sơ này; máy không tự gửi lại nữa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrandPicker</name>
    <message>
        <source>Other brand</source>
        <translation>Hãng khác</translation>
    </message>
    <message>
        <source>Type the brand</source>
        <translation>Nhập tên hãng xe</translation>
    </message>
</context>
<context>
    <name>CoSignDialog</name>
    <message>
        <source>An officer checks it now</source>
        <translation>Cán bộ xác minh ngay</translation>
    </message>
    <message>
        <source>Officer: tap your name and type your PIN. Nobody is signed out.</source>
        <translation>Cán bộ: bấm vào tên mình và nhập mã PIN. Không ai bị đăng xuất.</translation>
    </message>
    <message>
        <source>No officer can sign here yet: an officer must be added first.</source>
        <translation>Chưa có cán bộ nào để xác minh: cần thêm cán bộ trước.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>ColourPicker</name>
    <message>
        <source>White</source>
        <translation>Trắng</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Đen</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Bạc</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Xám</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Đỏ</translation>
    </message>
    <message>
        <source>Blue or green</source>
        <translation>Xanh</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Vàng</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Nâu</translation>
    </message>
    <message>
        <source>Other colour</source>
        <translation>Màu khác</translation>
    </message>
    <message>
        <source>Type the colour</source>
        <translation>Nhập màu xe</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>No phone number yet</source>
        <translation>Chưa có số điện thoại</translation>
    </message>
    <message>
        <source>Without consent nothing is recorded and the answers are erased. Tap again to end the visit.</source>
        <translation>Không đồng ý thì không ghi nhận gì và các câu trả lời bị xoá. Bấm lần nữa để kết thúc.</translation>
    </message>
    <message>
        <source>To clean the records of vehicles and driving licences, the ward police will use your name, ID number, date of birth, address, phone number and the records of your vehicles and licences, as Decree 13/2023/NĐ-CP on protecting personal data allows.
They are used only for this campaign, kept safe, and given to nobody else.
You may ask the ward police to see, correct or delete them.
Do you agree?</source>
        <translation>Để làm sạch dữ liệu đăng ký xe và giấy phép lái xe, công an phường sẽ dùng họ tên, số định danh, ngày sinh, địa chỉ, số điện thoại của ông/bà và hồ sơ xe, giấy phép lái xe của ông/bà, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.
Dữ liệu chỉ dùng cho đợt làm sạch này, được giữ an toàn và không giao cho ai khác.
Ông/bà có thể đề nghị công an phường cho xem, sửa hoặc xoá dữ liệu.
Ông/bà có đồng ý không?</translation>
    </message>
    <message>
        <source>Phone number and consent</source>
        <translation>Số điện thoại và sự đồng ý</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Consent to use personal data</source>
        <translation>Đồng ý cho sử dụng dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Đổi</translation>
    </message>
    <message>
        <source>Type the phone number</source>
        <translation>Nhập số điện thoại</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Does not agree</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>One day later</source>
        <translation>Thêm một ngày</translation>
    </message>
    <message>
        <source>One day earlier</source>
        <translation>Bớt một ngày</translation>
    </message>
    <message>
        <source>One month later</source>
        <translation>Thêm một tháng</translation>
    </message>
    <message>
        <source>One month earlier</source>
        <translation>Bớt một tháng</translation>
    </message>
    <message>
        <source>One year later</source>
        <translation>Thêm một năm</translation>
    </message>
    <message>
        <source>One year earlier</source>
        <translation>Bớt một năm</translation>
    </message>
    <message>
        <source>Ten years later</source>
        <translation>Thêm mười năm</translation>
    </message>
    <message>
        <source>Ten years earlier</source>
        <translation>Bớt mười năm</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n giây</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message numerus="yes">
        <source>%n record(s) are still waiting to be sent, and they belong to this station. Send them first (Sync now), or an officer exports them with &apos;kiosk export-queue&apos;.</source>
        <translation>
            <numerusform>Còn %n hồ sơ đang chờ gửi và chúng thuộc về trạm này. Hãy gửi chúng trước (Đồng bộ ngay), hoặc cán bộ xuất chúng ra bằng lệnh &apos;kiosk export-queue&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s address must start with https:// (http:// only on this computer).</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng https:// (chỉ dùng http:// trên chính máy này).</translation>
    </message>
    <message>
        <source>The server did not accept this code. Codes work once and for a day: ask the ward office for a new one.</source>
        <translation>Máy chủ không chấp nhận mã này. Mỗi mã chỉ dùng được một lần và trong một ngày: hãy xin phường mã mới.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and the network, or start as an offline demo station and enrol later in the settings.</source>
        <translation>Không kết nối được máy chủ. Hãy kiểm tra địa chỉ và mạng, hoặc bắt đầu như trạm thử ngoại tuyến rồi đăng ký sau trong phần Cài đặt.</translation>
    </message>
    <message>
        <source>The server is busy. Please try again in a minute.</source>
        <translation>Máy chủ đang bận. Vui lòng thử lại sau một phút.</translation>
    </message>
    <message>
        <source>The answer was not from a ward intake server. Please check the address.</source>
        <translation>Câu trả lời không phải từ máy chủ tiếp nhận của phường. Vui lòng kiểm tra lại địa chỉ.</translation>
    </message>
    <message>
        <source>Enrolled: station %1, %2, %3.</source>
        <translation>Đã đăng ký: trạm %1, %2, %3.</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>Please type the address of the ward&apos;s intake server.</source>
        <translation>Vui lòng nhập địa chỉ máy chủ tiếp nhận của phường.</translation>
    </message>
    <message>
        <source>Please type the enrolment code from the ward office.</source>
        <translation>Vui lòng nhập mã đăng ký do phường cấp.</translation>
    </message>
    <message>
        <source>Address of the ward&apos;s intake server</source>
        <translation>Địa chỉ máy chủ tiếp nhận của phường</translation>
    </message>
    <message>
        <source>Enrolment code (from the ward office)</source>
        <translation>Mã đăng ký (do phường cấp)</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Mã đăng ký</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Please type a name with letters only (Vietnamese letters are fine).</source>
        <translation>Vui lòng nhập tên chỉ gồm chữ cái (có thể gõ tiếng Việt có dấu).</translation>
    </message>
    <message>
        <source>That text is too long.</source>
        <translation>Nội dung này quá dài.</translation>
    </message>
    <message>
        <source>A code has 8 letters and digits, like K7QM-4M2X.</source>
        <translation>Mã gồm 8 chữ và số, ví dụ K7QM-4M2X.</translation>
    </message>
    <message>
        <source>That value is not accepted. Please check it and try again.</source>
        <translation>Giá trị này không hợp lệ. Vui lòng kiểm tra và nhập lại.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait %1, then try again.</source>
        <translation>Đã nhập sai quá nhiều lần. Vui lòng chờ %1 rồi thử lại.</translation>
    </message>
    <message>
        <source>The server&apos;s address must start with https://. Plain http:// to another computer sends the records and the station&apos;s token unencrypted, so it is refused unless the kiosk&apos;s configuration allows it (allow_insecure_http).</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng https://. Dùng http:// tới máy khác thì hồ sơ và mã của trạm đi qua mạng không được mã hoá, nên bị từ chối trừ khi cấu hình của máy cho phép (allow_insecure_http).</translation>
    </message>
    <message>
        <source>You took this record yourself: another officer must check it (four eyes).</source>
        <translation>Đồng chí đã tự ghi nhận hồ sơ này: cán bộ khác phải xác minh (hai người kiểm tra).</translation>
    </message>
    <message>
        <source>Only an officer can do this.</source>
        <translation>Chỉ cán bộ mới được thực hiện việc này.</translation>
    </message>
    <message>
        <source>A PIN has 6 to 12 digits and cannot be one digit repeated or a run like 123456.</source>
        <translation>Mã PIN gồm 6 đến 12 chữ số, không được lặp lại một chữ số hoặc là dãy liên tiếp như 123456.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Mã PIN chưa đúng.</translation>
    </message>
    <message>
        <source>This person can no longer sign in. Please ask an officer.</source>
        <translation>Người này không còn đăng nhập được. Vui lòng hỏi cán bộ.</translation>
    </message>
    <message>
        <source>This cannot be done for this person.</source>
        <translation>Không thể thực hiện việc này cho người này.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Ask an officer to free some space.</source>
        <translation>Ổ đĩa đã đầy nên chưa lưu được gì. Vui lòng báo cán bộ giải phóng dung lượng.</translation>
    </message>
    <message>
        <source>The records are busy in another program. Please try again in a moment.</source>
        <translation>Dữ liệu đang được một chương trình khác sử dụng. Vui lòng thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>The disk reported an error while saving. Ask an officer to check the computer.</source>
        <translation>Ổ đĩa báo lỗi khi lưu. Vui lòng báo cán bộ kiểm tra máy tính.</translation>
    </message>
    <message>
        <source>The records are damaged, so saving has been stopped to protect them. An officer must restore the last backup.</source>
        <translation>Dữ liệu bị hỏng nên việc lưu đã tạm dừng để bảo vệ dữ liệu. Cán bộ cần khôi phục bản sao lưu gần nhất.</translation>
    </message>
    <message>
        <source>The kiosk cannot unlock its records: the key is missing or wrong. Call the technician; do not reinstall.</source>
        <translation>Máy không mở được dữ liệu: khoá giải mã bị thiếu hoặc không đúng. Vui lòng gọi kỹ thuật viên; không cài đặt lại máy.</translation>
    </message>
    <message>
        <source>The computer reported a problem with its disk. Ask an officer to check it.</source>
        <translation>Máy tính báo lỗi ổ đĩa. Vui lòng báo cán bộ kiểm tra.</translation>
    </message>
    <message>
        <source>Something went wrong and has been noted. Please tell an officer.</source>
        <translation>Đã xảy ra lỗi và lỗi đã được ghi lại. Vui lòng báo cho cán bộ.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Today at this community house</source>
        <translation>Hôm nay tại nhà văn hoá</translation>
    </message>
    <message>
        <source>Scan the resident&apos;s chip ID card to begin.</source>
        <translation>Quét thẻ căn cước của người dân để bắt đầu.</translation>
    </message>
    <message>
        <source>Type an ID number</source>
        <translation>Nhập số CCCD</translation>
    </message>
    <message>
        <source>Find a resident</source>
        <translation>Tìm người dân</translation>
    </message>
    <message>
        <source>Households and who is left</source>
        <translation>Các hộ và những người còn lại</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>practice records made today (training)</source>
        <translation>hồ sơ tập huấn đã làm hôm nay</translation>
    </message>
    <message>
        <source>residents whose records were taken today</source>
        <translation>người dân đã được ghi nhận hôm nay</translation>
    </message>
    <message>
        <source>waiting for an officer to check</source>
        <translation>đang chờ cán bộ xác minh</translation>
    </message>
    <message>
        <source>checked and waiting to be sent</source>
        <translation>đã xác minh, đang chờ gửi đi</translation>
    </message>
    <message>
        <source>The day&apos;s report</source>
        <translation>Báo cáo ngày</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>To verify: %1</source>
        <translation>Cần xác minh: %1</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Cần xử lý: %1</translation>
    </message>
    <message>
        <source>Volunteers and officers</source>
        <translation>Tình nguyện viên và cán bộ</translation>
    </message>
    <message>
        <source>Continue the visit of %1 (saved at %2)</source>
        <translation>Tiếp tục ghi nhận cho %1 (lưu lúc %2)</translation>
    </message>
    <message>
        <source>Returned: %1 — %2</source>
        <translation>Bị trả lại: %1 — %2</translation>
    </message>
    <message>
        <source>Phone %1 · code %2</source>
        <translation>Điện thoại %1 · mã %2</translation>
    </message>
    <message>
        <source>No phone given · code %1</source>
        <translation>Không có số điện thoại · mã %1</translation>
    </message>
    <message>
        <source>Sent %1 of %2</source>
        <translation>Đã gửi %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the ward&apos;s server. Please set the right time: every record carries it.</source>
        <translation>
            <numerusform>Đồng hồ máy này chậm %n phút so với máy chủ của phường. Xin chỉnh lại giờ: mọi hồ sơ đều ghi giờ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the ward&apos;s server. Please set the right time: every record carries it.</source>
        <translation>
            <numerusform>Đồng hồ máy này nhanh %n phút so với máy chủ của phường. Xin chỉnh lại giờ: mọi hồ sơ đều ghi giờ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plain http:// is allowed in this kiosk&apos;s configuration: records and the station&apos;s token may cross the network unencrypted. Ask the technician to set up https://.</source>
        <translation>Cấu hình của máy này cho phép http://: hồ sơ và mã của trạm có thể đi qua mạng không được mã hoá. Xin nhờ kỹ thuật viên cài đặt https://.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>HouseholdsScreen</name>
    <message>
        <source>Status: %1 — %2</source>
        <translation>Trạng thái: %1 — %2</translation>
    </message>
    <message>
        <source>%1 (born %2)</source>
        <translation>%1 (sinh năm %2)</translation>
    </message>
    <message>
        <source>Record an outcome</source>
        <translation>Ghi kết quả</translation>
    </message>
    <message>
        <source>Nothing on file: does not count</source>
        <translation>Không có xe hay bằng lái trong hồ sơ: không tính</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Chưa xong</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Chưa ghi nhận gì.</translation>
    </message>
    <message>
        <source>Come back on %1</source>
        <translation>Hẹn quay lại ngày %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>do %1 ghi</translation>
    </message>
    <message>
        <source>whole household</source>
        <translation>cả hộ</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa làm</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Làm một phần</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng nhà</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>nothing on file</source>
        <translation>không có hồ sơ xe hay bằng lái</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1/%2 người đã xong</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tất cả các tổ</translation>
    </message>
    <message>
        <source>%1 not yet done of %2</source>
        <translation>Còn %1 / %2 hộ</translation>
    </message>
    <message>
        <source>Every street and alley</source>
        <translation>Tất cả các phố và ngõ</translation>
    </message>
    <message>
        <source>No street named</source>
        <translation>Không ghi tên phố</translation>
    </message>
    <message>
        <source>%1 household(s) shown of %2</source>
        <translation>Đang hiện %1 trong %2 hộ</translation>
    </message>
    <message>
        <source>No household on this kiosk yet: the roster comes from the ward&apos;s server.</source>
        <translation>Máy chưa có hộ nào: danh sách dân cư được tải từ máy chủ của phường.</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Search: name, address or ID number</source>
        <translation>Tìm: họ tên, địa chỉ hoặc số định danh</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Not yet done</source>
        <translation>Chưa xong</translation>
    </message>
    <message>
        <source>Route sheet</source>
        <translation>Phiếu đi hộ</translation>
    </message>
    <message>
        <source>Street or alley</source>
        <translation>Phố hoặc ngõ</translation>
    </message>
    <message>
        <source>Record for the household</source>
        <translation>Ghi kết quả cho cả hộ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation>Kết quả với %1</translation>
    </message>
    <message>
        <source>What happened: the whole household, %1</source>
        <translation>Kết quả với cả hộ: %1</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>Bạn vẫn đang sử dụng máy?</translation>
    </message>
    <message>
        <source>To protect residents&apos; information, this screen locks in %1 seconds. Tap to keep working.</source>
        <translation>Để bảo vệ thông tin của người dân, màn hình sẽ tự khoá sau %1 giây. Chạm vào màn hình để tiếp tục làm việc.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Tôi vẫn đang sử dụng</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>OK</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Xoá hết</translation>
    </message>
    <message>
        <source>Delete one digit</source>
        <translation>Xoá một số</translation>
    </message>
</context>
<context>
    <name>KindPicker</name>
    <message>
        <source>Car</source>
        <translation>Ô tô</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>Xe máy</translation>
    </message>
    <message>
        <source>Electric motorbike</source>
        <translation>Xe máy điện</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>LicenceClassPicker</name>
    <message>
        <source>Issued before 2025</source>
        <translation>Cấp trước năm 2025</translation>
    </message>
    <message>
        <source>Issued from 2025</source>
        <translation>Cấp từ năm 2025</translation>
    </message>
</context>
<context>
    <name>Link</name>
    <message>
        <source>Connecting to the ward&apos;s server…</source>
        <translation>Đang kết nối máy chủ của phường…</translation>
    </message>
    <message>
        <source>Offline — demo station, not enrolled</source>
        <translation>Ngoại tuyến — trạm thử, chưa đăng ký</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Offline — records are kept safely here</source>
        <translation>Ngoại tuyến — hồ sơ vẫn được lưu an toàn tại đây</translation>
    </message>
    <message>
        <source>The server is busy — the kiosk will try again by itself</source>
        <translation>Máy chủ đang bận — máy sẽ tự thử lại</translation>
    </message>
    <message>
        <source>The server refused this kiosk — an officer must enrol it again</source>
        <translation>Máy chủ từ chối máy này — cán bộ cần đăng ký lại</translation>
    </message>
    <message>
        <source>The server answers, but not to sending: its address or the network&apos;s settings are wrong. Sending waits; an officer should check the server&apos;s address.</source>
        <translation>Máy chủ có trả lời nhưng không nhận hồ sơ gửi: địa chỉ máy chủ hoặc cài đặt mạng bị sai. Việc gửi tạm dừng; cán bộ cần kiểm tra địa chỉ máy chủ.</translation>
    </message>
    <message>
        <source>Sending has stopped: a problem with this computer&apos;s records</source>
        <translation>Đã dừng gửi: dữ liệu trên máy này gặp sự cố</translation>
    </message>
    <message>
        <source>Online — sending records…</source>
        <translation>Trực tuyến — đang gửi hồ sơ…</translation>
    </message>
    <message>
        <source>Last sync today at %1</source>
        <translation>Đồng bộ lần cuối hôm nay lúc %1</translation>
    </message>
    <message>
        <source>Last sync %1 at %2</source>
        <translation>Đồng bộ lần cuối ngày %1 lúc %2</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>Type at least the start of the name.</source>
        <translation>Hãy nhập ít nhất phần đầu của họ tên.</translation>
    </message>
    <message>
        <source>The birth year has four digits, e.g. 1958.</source>
        <translation>Năm sinh gồm bốn chữ số, ví dụ 1958.</translation>
    </message>
    <message>
        <source>Type the licence number.</source>
        <translation>Hãy nhập số giấy phép lái xe.</translation>
    </message>
    <message>
        <source>No visit with the code %1 was found on this kiosk. If it was made at another kiosk, the ward&apos;s server may have it: ask an officer.</source>
        <translation>Máy này không có lượt ghi nhận nào mã %1. Nếu lượt đó làm ở máy khác, máy chủ của phường có thể có: xin hỏi cán bộ.</translation>
    </message>
    <message>
        <source>%1 (born %2)</source>
        <translation>%1 (sinh năm %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n resident(s) found</source>
        <translation>
            <numerusform>Tìm thấy %n người</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Không tìm thấy ai.</translation>
    </message>
    <message>
        <source>Find a visit by its reference code</source>
        <translation>Tìm lượt ghi nhận theo mã tra cứu</translation>
    </message>
    <message>
        <source>Find a resident</source>
        <translation>Tìm người dân</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Biển số</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Số GPLX</translation>
    </message>
    <message>
        <source>Reference code</source>
        <translation>Mã tra cứu</translation>
    </message>
    <message>
        <source>12-digit ID number</source>
        <translation>Số CCCD 12 chữ số</translation>
    </message>
    <message>
        <source>Full name (marks not needed)</source>
        <translation>Họ tên (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Birth year (if known)</source>
        <translation>Năm sinh (nếu biết)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>Số giấy phép lái xe</translation>
    </message>
    <message>
        <source>Code on the receipt, e.g. K7QM-4M2X</source>
        <translation>Mã trên phiếu, ví dụ K7QM-4M2X</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Tìm lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Evening session not closed</source>
        <translation>Buổi làm việc chưa kết thúc</translation>
    </message>
    <message>
        <source>The evening session of %1 (opened at %2) was not closed. Close it now? You will see its summary first.</source>
        <translation>Buổi làm việc tối ngày %1 (mở lúc %2) chưa được kết thúc. Kết thúc ngay bây giờ? Anh/chị sẽ xem bản tổng hợp trước.</translation>
    </message>
    <message>
        <source>Close it now</source>
        <translation>Kết thúc ngay</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>The screen was locked because nobody used it for a while.</source>
        <translation>Màn hình đã tự khoá vì một lúc lâu không có ai sử dụng.</translation>
    </message>
    <message>
        <source>Sign in first, then scan the card again. The card was not kept.</source>
        <translation>Đăng nhập trước, rồi quét lại thẻ. Thẻ vừa quét chưa được ghi nhận.</translation>
    </message>
    <message>
        <source>This resident&apos;s visit is already open.</source>
        <translation>Đang mở lượt ghi nhận của người dân này rồi.</translation>
    </message>
    <message>
        <source>Another card</source>
        <translation>Thẻ khác</translation>
    </message>
    <message>
        <source>%1&apos;s visit is not finished. Keep it as a draft (Home offers it again) and open the card just scanned?</source>
        <translation>Lượt ghi nhận của %1 chưa xong. Lưu lại làm bản nháp (Trang chủ sẽ đưa ra lại) và mở thẻ vừa quét?</translation>
    </message>
    <message>
        <source>Keep as draft, open the card</source>
        <translation>Lưu nháp, mở thẻ mới</translation>
    </message>
    <message>
        <source>Stay with this visit</source>
        <translation>Ở lại lượt này</translation>
    </message>
    <message>
        <source>Only an officer can open that screen.</source>
        <translation>Chỉ cán bộ mới được mở màn hình đó.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Có sự cố</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Community house kiosk</source>
        <translation>Máy hỗ trợ người dân tại nhà văn hoá</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>space</source>
        <translation>dấu cách</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>OperatorsScreen</name>
    <message>
        <source>Please type the person&apos;s full name.</source>
        <translation>Vui lòng nhập họ và tên đầy đủ.</translation>
    </message>
    <message>
        <source>The two PINs were not the same. Please choose it again.</source>
        <translation>Hai lần nhập mã PIN không giống nhau. Vui lòng chọn lại.</translation>
    </message>
    <message>
        <source>Added. They sign in with this PIN and then choose their own.</source>
        <translation>Đã thêm. Người này đăng nhập bằng mã PIN vừa đặt, sau đó tự chọn mã PIN riêng.</translation>
    </message>
    <message>
        <source>The PIN was reset. They choose a new one at their next sign-in.</source>
        <translation>Đã đặt lại mã PIN. Lần đăng nhập tới, người này sẽ chọn mã PIN mới.</translation>
    </message>
    <message>
        <source>Done. This person can no longer sign in.</source>
        <translation>Xong. Người này không thể đăng nhập nữa.</translation>
    </message>
    <message>
        <source>Someone with this name is already on the list. Add something to tell them apart.</source>
        <translation>Đã có người trùng tên trong danh sách. Vui lòng thêm thông tin để phân biệt (ví dụ năm sinh).</translation>
    </message>
    <message>
        <source>Volunteers and officers</source>
        <translation>Tình nguyện viên và cán bộ</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <source>Can no longer sign in</source>
        <translation>Đã ngừng đăng nhập</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Tình nguyện viên</translation>
    </message>
    <message>
        <source>Tap a name to see what you can do</source>
        <translation>Chạm vào một tên để xem các thao tác</translation>
    </message>
    <message>
        <source>Add a person: name and role</source>
        <translation>Thêm người: họ tên và vai trò</translation>
    </message>
    <message>
        <source>Choose their first PIN</source>
        <translation>Chọn mã PIN đầu tiên cho người này</translation>
    </message>
    <message>
        <source>Choose their new PIN</source>
        <translation>Chọn mã PIN mới cho người này</translation>
    </message>
    <message>
        <source>Type the same PIN once more</source>
        <translation>Nhập lại mã PIN một lần nữa</translation>
    </message>
    <message>
        <source>Stop this person from signing in?</source>
        <translation>Ngừng quyền đăng nhập của người này?</translation>
    </message>
    <message>
        <source>This person can no longer sign in.</source>
        <translation>Người này không còn đăng nhập được.</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Đặt lại mã PIN</translation>
    </message>
    <message>
        <source>Stop sign-in</source>
        <translation>Ngừng đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>%1 to %2 digits</source>
        <translation>Từ %1 đến %2 chữ số</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in. What they recorded stays. This cannot be undone here.</source>
        <translation>%1 sẽ không đăng nhập được nữa. Các hồ sơ người này đã ghi vẫn được giữ nguyên. Không thể hoàn tác việc này tại đây.</translation>
    </message>
    <message>
        <source>Yes, stop sign-in</source>
        <translation>Đồng ý, ngừng đăng nhập</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Absent</source>
        <translation>Vắng nhà</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Come back on a day</source>
        <translation>Hẹn quay lại ngày khác</translation>
    </message>
    <message>
        <source>Day to come back on</source>
        <translation>Ngày hẹn quay lại</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <source>e.g. the son works nights; call after 8 pm</source>
        <translation>vd. con trai làm ca đêm; gọi sau 8 giờ tối</translation>
    </message>
</context>
<context>
    <name>PaperChips</name>
    <message>
        <source>Registration certificate</source>
        <translation>Giấy đăng ký xe</translation>
    </message>
    <message>
        <source>Sale contract</source>
        <translation>Hợp đồng mua bán</translation>
    </message>
    <message>
        <source>Handwritten sale paper</source>
        <translation>Giấy mua bán viết tay</translation>
    </message>
    <message>
        <source>No papers</source>
        <translation>Không có giấy tờ</translation>
    </message>
</context>
<context>
    <name>PlateDialog</name>
    <message>
        <source>Number plate</source>
        <translation>Biển số</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>PlateKeypad</name>
    <message>
        <source>The plate is complete: press OK.</source>
        <translation>Biển số đã đủ: bấm Xác nhận.</translation>
    </message>
    <message>
        <source>“%1” cannot come here on a plate.</source>
        <translation>Không thể có “%1” ở vị trí này của biển số.</translation>
    </message>
    <message>
        <source>Plate number</source>
        <translation>Biển số</translation>
    </message>
    <message>
        <source>This plate does not fit the kind of vehicle chosen.</source>
        <translation>Biển số này không đúng với loại xe đã chọn.</translation>
    </message>
    <message>
        <source>Registered in: %1</source>
        <translation>Nơi đăng ký: %1</translation>
    </message>
    <message>
        <source>Code %1 is not in the list of provinces: check it.</source>
        <translation>Mã %1 không có trong danh sách tỉnh, thành: vui lòng kiểm tra lại.</translation>
    </message>
    <message>
        <source>Type the letters and digits; dots and dashes come by themselves.</source>
        <translation>Nhập chữ và số như trên biển; dấu chấm, gạch ngang máy tự thêm.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Clear the plate</source>
        <translation>Xoá cả biển số</translation>
    </message>
    <message>
        <source>Delete one character</source>
        <translation>Xoá một ký tự</translation>
    </message>
</context>
<context>
    <name>PrinterChoice</name>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (mặc định)</translation>
    </message>
    <message>
        <source>No printer is connected to this computer: receipts are shown on the screen only.</source>
        <translation>Máy tính này chưa nối máy in: phiếu chỉ hiện trên màn hình.</translation>
    </message>
    <message>
        <source>The chosen printer %1 is not connected. Connect it, or choose another one.</source>
        <translation>Máy in đã chọn %1 chưa được nối. Hãy nối máy in, hoặc chọn máy in khác.</translation>
    </message>
    <message>
        <source>Choose the printer for the receipts.</source>
        <translation>Chọn máy in phiếu.</translation>
    </message>
    <message>
        <source>Printer for receipts</source>
        <translation>Máy in phiếu</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>Cuộn giấy in phiếu 80 mm</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>Giấy A4</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer is connected to this computer.</source>
        <translation>Máy tính này chưa nối máy in.</translation>
    </message>
    <message>
        <source>The printer %1 is not connected. Check its cable and power, or choose another printer in Settings.</source>
        <translation>Máy in %1 chưa được nối. Kiểm tra dây và nguồn, hoặc chọn máy in khác trong Cài đặt.</translation>
    </message>
    <message>
        <source>The printer %1 did not take the receipt. Check that it is on, then try again.</source>
        <translation>Máy in %1 không nhận phiếu. Kiểm tra máy in đã bật chưa, rồi thử lại.</translation>
    </message>
    <message>
        <source>The printer %1 stopped printing. Check its paper, then try again.</source>
        <translation>Máy in %1 ngừng in. Kiểm tra giấy, rồi thử lại.</translation>
    </message>
    <message>
        <source>Keep this receipt. Give its code if you ask the ward about your records.</source>
        <translation>Xin giữ phiếu này. Khi hỏi phường về hồ sơ của mình, xin đọc mã trên phiếu.</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>All groups</source>
        <translation>Tất cả các tổ</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Tổ trước</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Tổ sau</translation>
    </message>
    <message>
        <source>Residents served: %1</source>
        <translation>Số người dân đã phục vụ: %1</translation>
    </message>
    <message>
        <source>Target (dashed)</source>
        <translation>Chỉ tiêu (nét đứt)</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Người dân</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Date and time: %1</source>
        <translation>Ngày giờ: %1</translation>
    </message>
    <message>
        <source>Community house: %1</source>
        <translation>Nhà văn hoá: %1</translation>
    </message>
    <message>
        <source>What was recorded:</source>
        <translation>Đã ghi nhận:</translation>
    </message>
    <message>
        <source>No record was changed.</source>
        <translation>Không có hồ sơ nào được ghi nhận.</translation>
    </message>
    <message>
        <source>Training — not sent: this visit was practice.</source>
        <translation>Tập huấn — không gửi: lượt này là thực hành.</translation>
    </message>
    <message>
        <source>Your reference code</source>
        <translation>Mã tra cứu của ông/bà</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>Đã in.</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Không có máy in</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In phiếu</translation>
    </message>
    <message>
        <source>You may take a photo of this code with your phone. Give this code if you ask the ward about your records.</source>
        <translation>Ông/bà có thể chụp ảnh mã này bằng điện thoại. Khi hỏi phường về hồ sơ của mình, xin đọc mã này.</translation>
    </message>
    <message>
        <source>Officer checks now</source>
        <translation>Cán bộ xác minh ngay</translation>
    </message>
    <message>
        <source>Scan to install the iHanoi app.</source>
        <translation>Quét để cài ứng dụng iHanoi.</translation>
    </message>
    <message>
        <source>Next person</source>
        <translation>Người tiếp theo</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <source>Looking for a USB stick…</source>
        <translation>Đang tìm USB…</translation>
    </message>
    <message>
        <source>Several USB sticks are plugged in. Tap the one to save the report on.</source>
        <translation>Đang cắm nhiều USB. Hãy chạm vào USB để lưu báo cáo.</translation>
    </message>
    <message>
        <source>No USB stick: choose a folder for the report</source>
        <translation>Không có USB: hãy chọn thư mục để lưu báo cáo</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved as %1 in %2.</source>
        <translation>Đã lưu thành %1 trong %2.</translation>
    </message>
    <message>
        <source>Residents served</source>
        <translation>Số người dân đã làm</translation>
    </message>
    <message>
        <source>Vehicles: confirmed</source>
        <translation>Xe: xác nhận</translation>
    </message>
    <message>
        <source>Vehicles: updated</source>
        <translation>Xe: cập nhật</translation>
    </message>
    <message>
        <source>Vehicles: no longer owned</source>
        <translation>Xe: không còn sở hữu</translation>
    </message>
    <message>
        <source>Vehicles: not mine</source>
        <translation>Xe: không phải của tôi</translation>
    </message>
    <message>
        <source>Vehicles: added</source>
        <translation>Xe: bổ sung</translation>
    </message>
    <message>
        <source>Licences: confirmed</source>
        <translation>GPLX: xác nhận</translation>
    </message>
    <message>
        <source>Licences: updated</source>
        <translation>GPLX: cập nhật</translation>
    </message>
    <message>
        <source>Licences: lost</source>
        <translation>GPLX: bị mất</translation>
    </message>
    <message>
        <source>Licences: not mine</source>
        <translation>GPLX: không phải của tôi</translation>
    </message>
    <message>
        <source>Licences: added</source>
        <translation>GPLX: bổ sung</translation>
    </message>
    <message>
        <source>Households done</source>
        <translation>Hộ đã xong</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Reading the day&apos;s figures…</source>
        <translation>Đang đọc số liệu của ngày…</translation>
    </message>
    <message>
        <source>Nothing to report for this day: no residential group, no figure.</source>
        <translation>Ngày này không có gì để báo cáo: không có tổ dân phố nào, không có số liệu nào.</translation>
    </message>
    <message>
        <source>%1 record(s) of this day are not yet sent to the ward&apos;s server: its figures may still grow there.</source>
        <translation>Còn %1 hồ sơ của ngày này chưa gửi lên máy chủ của phường: số liệu ở đó có thể còn tăng.</translation>
    </message>
    <message>
        <source>Every record of this day has reached the ward&apos;s server.</source>
        <translation>Mọi hồ sơ của ngày này đã lên máy chủ của phường.</translation>
    </message>
    <message>
        <source>%1 record(s) of this day were not accepted by the ward&apos;s server (rejected or held).</source>
        <translation>%1 hồ sơ của ngày này chưa được máy chủ của phường nhận (bị từ chối hoặc tạm giữ).</translation>
    </message>
    <message>
        <source>The personal data of this day has been purged: the figures come from the counts kept before the purge.</source>
        <translation>Dữ liệu cá nhân của ngày này đã được xoá: số liệu lấy từ bản tổng hợp lưu trước khi xoá.</translation>
    </message>
    <message>
        <source>The day&apos;s report</source>
        <translation>Báo cáo ngày</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hôm nay, %1</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Ngày trước</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Ngày sau</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Save XLSX</source>
        <translation>Lưu XLSX</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Lưu CSV</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>RepresentativeCard</name>
    <message>
        <source>A relative acting for the resident</source>
        <translation>Người thân làm thay</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Their full name</source>
        <translation>Họ và tên người làm thay</translation>
    </message>
    <message>
        <source>Their ID number (type it, or scan their card)</source>
        <translation>Số định danh của người đó (nhập, hoặc quét thẻ của họ)</translation>
    </message>
    <message>
        <source>They are the resident&apos;s</source>
        <translation>Quan hệ với người dân</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>Husband or wife</source>
        <translation>Vợ hoặc chồng</translation>
    </message>
    <message>
        <source>Father or mother</source>
        <translation>Bố hoặc mẹ</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Anh chị em</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>Cháu</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>Người thân khác</translation>
    </message>
</context>
<context>
    <name>ResidentScreen</name>
    <message>
        <source>Looking up the records on file…</source>
        <translation>Đang tra cứu hồ sơ…</translation>
    </message>
    <message>
        <source>This resident is not on the ward&apos;s roster on this kiosk. The page shows what the card says; their records can still be taken.</source>
        <translation>Người này không có trong danh sách của phường trên máy này. Trang hiển thị thông tin trên thẻ; vẫn có thể ghi nhận hồ sơ của họ.</translation>
    </message>
    <message>
        <source>No resident with this ID number is on file. Check the number.</source>
        <translation>Không có người dân nào mang số CCCD này trong hồ sơ. Vui lòng kiểm tra lại số.</translation>
    </message>
    <message>
        <source>The ID number does not agree with the birth date or sex on file.</source>
        <translation>Số CCCD không khớp với ngày sinh hoặc giới tính trong hồ sơ.</translation>
    </message>
    <message>
        <source>The name on the card differs from the ward&apos;s roster: check it with the resident.</source>
        <translation>Họ tên trên thẻ khác với danh sách của phường: hãy hỏi lại người dân.</translation>
    </message>
    <message>
        <source>Already cleaned on %1 at %2 (station %3).</source>
        <translation>Đã làm sạch dữ liệu ngày %1 lúc %2 (trạm %3).</translation>
    </message>
    <message>
        <source>male</source>
        <translation>nam</translation>
    </message>
    <message>
        <source>female</source>
        <translation>nữ</translation>
    </message>
    <message>
        <source>Born %1 (age %2) · %3</source>
        <translation>Sinh ngày %1 (%2 tuổi) · %3</translation>
    </message>
    <message>
        <source>Address on the card: %1</source>
        <translation>Địa chỉ trên thẻ: %1</translation>
    </message>
    <message>
        <source>Address on the ward&apos;s roster: %1</source>
        <translation>Địa chỉ trong danh sách của phường: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Địa chỉ: %1</translation>
    </message>
    <message>
        <source>Residential group: %1</source>
        <translation>Tổ dân phố: %1</translation>
    </message>
    <message>
        <source>Household: %1</source>
        <translation>Cùng hộ: %1</translation>
    </message>
    <message>
        <source>From the ward&apos;s server.</source>
        <translation>Theo máy chủ của phường.</translation>
    </message>
    <message>
        <source>From the card only.</source>
        <translation>Chỉ theo thông tin trên thẻ.</translation>
    </message>
    <message>
        <source>Not found on the ward&apos;s server or on this kiosk.</source>
        <translation>Không có trên máy chủ của phường và trên máy này.</translation>
    </message>
    <message>
        <source>From the copy on this kiosk, updated at %1.</source>
        <translation>Theo bản sao trên máy này, cập nhật lúc %1.</translation>
    </message>
    <message>
        <source>Taken up again from the saved draft.</source>
        <translation>Tiếp tục từ bản nháp đã lưu.</translation>
    </message>
    <message numerus="yes">
        <source>Vehicles on file: %n</source>
        <translation>
            <numerusform>Phương tiện trong hồ sơ: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No vehicle on file.</source>
        <translation>Không có phương tiện nào trong hồ sơ.</translation>
    </message>
    <message>
        <source>This plate is on file for this resident.</source>
        <translation>Biển số này đã có trong hồ sơ của chính người dân.</translation>
    </message>
    <message>
        <source>On file under another person: %1 (%2). It is still added here.</source>
        <translation>Trong hồ sơ đứng tên người khác: %1 (%2). Xe vẫn được khai bổ sung ở đây.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to finish:</source>
        <translation>
            <numerusform>Còn %n việc cần làm:</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Relative acting for them</source>
        <translation>Người thân làm thay</translation>
    </message>
    <message>
        <source>Not on file? Add:</source>
        <translation>Chưa có trong hồ sơ? Thêm:</translation>
    </message>
    <message>
        <source>Second-hand, not transferred</source>
        <translation>Xe mua lại chưa sang tên</translation>
    </message>
    <message>
        <source>Other vehicle</source>
        <translation>Xe khác</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Giấy phép lái xe</translation>
    </message>
    <message numerus="yes">
        <source>Driving licences on file: %n</source>
        <translation>
            <numerusform>Giấy phép lái xe trong hồ sơ: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No driving licence on file.</source>
        <translation>Không có giấy phép lái xe nào trong hồ sơ.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Added: bought second-hand, never transferred</source>
        <translation>Khai bổ sung: xe mua lại chưa sang tên</translation>
    </message>
    <message>
        <source>Acting for the resident: %1 (%2)</source>
        <translation>Người làm thay: %1 (%2)</translation>
    </message>
    <message>
        <source>No vehicle or licence on file.</source>
        <translation>Không có xe hay giấy phép lái xe nào trong hồ sơ.</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Điện thoại: %1</translation>
    </message>
    <message>
        <source>Phone: none</source>
        <translation>Điện thoại: không có</translation>
    </message>
    <message>
        <source>Consent to use personal data: agreed</source>
        <translation>Đồng ý cho sử dụng dữ liệu cá nhân: đã đồng ý</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Please check with the resident</source>
        <translation>Xin cùng người dân kiểm tra lại</translation>
    </message>
    <message>
        <source>Back to the answers</source>
        <translation>Quay lại các câu trả lời</translation>
    </message>
</context>
<context>
    <name>RosterImportPanel</name>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Stopping after this part…</source>
        <translation>Sẽ dừng sau phần đang nhập…</translation>
    </message>
    <message>
        <source>Checking the file: part %1 of %2</source>
        <translation>Đang kiểm tra tệp: phần %1 / %2</translation>
    </message>
    <message>
        <source>Importing: %1 of %2 residents (part %3 of %4)</source>
        <translation>Đang nhập: %1 / %2 cư dân (phần %3 / %4)</translation>
    </message>
    <message>
        <source>The roster of %1 is imported: %2 residents, %3 vehicles and %4 licences, from the file made on %5.</source>
        <translation>Đã nhập xong danh sách cư dân của %1: %2 cư dân, %3 phương tiện và %4 giấy phép lái xe, từ tệp tạo lúc %5.</translation>
    </message>
    <message>
        <source>Import stopped: %1 of %2 residents are in. Tap the file again to import it all.</source>
        <translation>Đã dừng nhập: máy đã có %1 / %2 cư dân. Chạm lại vào tệp để nhập hết.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Chưa có gì được nhập vào máy.</translation>
    </message>
    <message>
        <source>This kiosk is not enrolled with the ward&apos;s server, so it cannot check the file. Enrol it first (Enrol with a server).</source>
        <translation>Máy này chưa đăng ký với máy chủ của phường nên không kiểm tra được tệp. Hãy đăng ký trước (Đăng ký với máy chủ).</translation>
    </message>
    <message>
        <source>The file changed or could not be read during the import (was the USB stick taken out?). Put it back and tap the file again.</source>
        <translation>Tệp bị thay đổi hoặc không đọc được trong lúc nhập (USB bị rút ra chăng?). Hãy cắm lại rồi chạm lại vào tệp.</translation>
    </message>
    <message>
        <source>This file was not made by this kiosk&apos;s ward server. Ask the ward office for the right file.</source>
        <translation>Tệp này không do máy chủ của phường tạo cho máy này. Hãy xin phường tệp đúng.</translation>
    </message>
    <message>
        <source>This file was changed or damaged after the ward server made it. Ask the ward office for a new file.</source>
        <translation>Tệp này đã bị sửa hoặc bị hỏng sau khi máy chủ của phường tạo ra. Hãy xin phường tệp mới.</translation>
    </message>
    <message>
        <source>This file is incomplete: it was cut short, perhaps while it was copied. Copy it to the USB stick again.</source>
        <translation>Tệp này bị thiếu, có thể do chép chưa xong. Hãy chép lại tệp vào USB.</translation>
    </message>
    <message>
        <source>This file is the roster of another ward (%1).</source>
        <translation>Tệp này là danh sách cư dân của phường khác (%1).</translation>
    </message>
    <message>
        <source>This is not a roster file, or it cannot be read.</source>
        <translation>Đây không phải tệp danh sách cư dân, hoặc không đọc được tệp.</translation>
    </message>
    <message>
        <source>Stop the import</source>
        <translation>Dừng nhập</translation>
    </message>
</context>
<context>
    <name>RouteSheet</name>
    <message>
        <source>not started</source>
        <translation>chưa làm</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>làm một phần</translation>
    </message>
    <message>
        <source>not at home</source>
        <translation>vắng nhà</translation>
    </message>
    <message>
        <source>%1, come back on %2</source>
        <translation>%1, hẹn ngày %2</translation>
    </message>
    <message>
        <source>Route sheet</source>
        <translation>Phiếu đi hộ</translation>
    </message>
    <message>
        <source>Residential groups: %1</source>
        <translation>Tổ dân phố: %1</translation>
    </message>
    <message>
        <source>Made on %1 by %2</source>
        <translation>Lập lúc %1, người lập: %2</translation>
    </message>
    <message>
        <source>Households not yet done: %1 · people to see: %2</source>
        <translation>Hộ chưa xong: %1 · người cần gặp: %2</translation>
    </message>
    <message>
        <source>Address without a street</source>
        <translation>Địa chỉ không ghi phố/đường</translation>
    </message>
    <message>
        <source>On the street itself</source>
        <translation>Nhà mặt đường</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (tiếp)</translation>
    </message>
    <message>
        <source>come back on %1</source>
        <translation>hẹn ngày %1</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>Personal data: keep this sheet with you and hand it back after the round.</source>
        <translation>Thông tin cá nhân: giữ phiếu này bên mình và nộp lại sau buổi đi hộ.</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Phố/đường</translation>
    </message>
    <message>
        <source>Alley</source>
        <translation>Ngõ/ngách</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đã gặp</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>RouteSheetDialog</name>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>The printer %1 did not take the route sheet. Check that it is on, then try again.</source>
        <translation>Máy in %1 không nhận phiếu đi hộ. Hãy kiểm tra máy in đã bật chưa rồi thử lại.</translation>
    </message>
    <message>
        <source>The printer %1 stopped printing the route sheet. Check its paper, then try again.</source>
        <translation>Máy in %1 đã dừng in phiếu đi hộ. Hãy kiểm tra giấy rồi thử lại.</translation>
    </message>
    <message>
        <source>Looking for a USB stick…</source>
        <translation>Đang tìm USB…</translation>
    </message>
    <message>
        <source>Several USB sticks are plugged in. Tap the one to save the route sheet on.</source>
        <translation>Đang cắm nhiều USB. Chạm vào USB muốn lưu phiếu đi hộ.</translation>
    </message>
    <message>
        <source>No USB stick: choose a folder for the route sheet</source>
        <translation>Không có USB: chọn thư mục để lưu phiếu đi hộ</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved as %1 in %2.</source>
        <translation>Đã lưu thành %1 trong %2.</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>Đã gửi tới máy in %1.</translation>
    </message>
    <message>
        <source>Route sheet for tonight&apos;s round</source>
        <translation>Phiếu đi hộ cho buổi tối nay</translation>
    </message>
    <message>
        <source>Making the list of households not yet done…</source>
        <translation>Đang lập danh sách các hộ chưa xong…</translation>
    </message>
    <message>
        <source>Every household is done: there is nobody left to visit.</source>
        <translation>Tất cả các hộ đã xong: không còn ai cần đến gặp.</translation>
    </message>
    <message>
        <source>%1 household(s) not yet done, %2 person(s) to see.</source>
        <translation>%1 hộ chưa xong, %2 người cần gặp.</translation>
    </message>
    <message>
        <source>ID numbers are masked. Files go to the USB stick plugged in; without one, you choose a folder.</source>
        <translation>Số định danh được che bớt. Tệp được lưu vào USB đang cắm; nếu không có USB, anh/chị chọn một thư mục.</translation>
    </message>
    <message>
        <source>Print (A4)</source>
        <translation>In (khổ A4)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>Save as a spreadsheet (XLSX)</source>
        <translation>Lưu thành bảng tính (XLSX)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The PDF could not be made, so nothing was saved. The kiosk&apos;s disk may be full: ask an officer to check it.</source>
        <translation>Không tạo được tệp PDF nên chưa lưu gì. Có thể ổ đĩa của máy đã đầy: hãy nhờ cán bộ kiểm tra.</translation>
    </message>
    <message>
        <source>There is not enough room on %1, so nothing was saved. Free some space on it, or use another USB stick.</source>
        <translation>%1 không còn đủ chỗ trống nên chưa lưu gì. Hãy xoá bớt dữ liệu trên đó hoặc dùng USB khác.</translation>
    </message>
    <message>
        <source>%1 cannot be written to (is the USB stick write-protected?), so nothing was saved.</source>
        <translation>Không ghi được vào %1 (USB đang bị khoá chống ghi chăng?) nên chưa lưu gì.</translation>
    </message>
    <message>
        <source>%1 is not there any more (was the USB stick taken out?), so nothing was saved.</source>
        <translation>Không còn thấy %1 (USB bị rút ra chăng?) nên chưa lưu gì.</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Choose the resident&apos;s answer for this record.</source>
        <translation>Chọn câu trả lời của người dân cho mục này.</translation>
    </message>
    <message>
        <source>This is the resident&apos;s own ID number: type the other person&apos;s.</source>
        <translation>Đây là số định danh của chính người dân: hãy nhập số của người kia.</translation>
    </message>
    <message>
        <source>Choose the date when it happened.</source>
        <translation>Chọn ngày việc đó xảy ra.</translation>
    </message>
    <message>
        <source>Type the name of the person it went to.</source>
        <translation>Xin nhập tên người nhận xe.</translation>
    </message>
    <message>
        <source>Choose the papers seen, or &apos;No papers&apos;.</source>
        <translation>Chọn giấy tờ đã xem, hoặc &apos;Không có giấy tờ&apos;.</translation>
    </message>
    <message>
        <source>This answer needs more details.</source>
        <translation>Câu trả lời này cần thêm thông tin.</translation>
    </message>
    <message>
        <source>An ID number has exactly 12 digits.</source>
        <translation>Số định danh có đúng 12 chữ số.</translation>
    </message>
    <message>
        <source>This ID number starts with an unknown province code.</source>
        <translation>Số định danh bắt đầu bằng mã tỉnh không có.</translation>
    </message>
    <message>
        <source>This ID number is not possible yet.</source>
        <translation>Số định danh này chưa thể có.</translation>
    </message>
    <message>
        <source>The ID number does not agree with the birth date.</source>
        <translation>Số định danh không khớp với ngày sinh.</translation>
    </message>
    <message>
        <source>The ID number does not agree with the sex.</source>
        <translation>Số định danh không khớp với giới tính.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ngày này ở tương lai.</translation>
    </message>
    <message>
        <source>This date is before the resident was born.</source>
        <translation>Ngày này trước khi người dân sinh ra.</translation>
    </message>
    <message>
        <source>These dates are in the wrong order.</source>
        <translation>Các ngày này sai thứ tự.</translation>
    </message>
    <message>
        <source>This is not a real date.</source>
        <translation>Đây không phải ngày có thật.</translation>
    </message>
    <message>
        <source>This is not a Vietnamese number plate.</source>
        <translation>Đây không phải biển số Việt Nam.</translation>
    </message>
    <message>
        <source>A plate&apos;s province code is 11 or more.</source>
        <translation>Mã tỉnh trên biển số từ 11 trở lên.</translation>
    </message>
    <message>
        <source>These series letters are not used on plates.</source>
        <translation>Sê-ri chữ này không dùng trên biển số.</translation>
    </message>
    <message>
        <source>These plate digits are not possible.</source>
        <translation>Dãy số biển này không hợp lệ.</translation>
    </message>
    <message>
        <source>This plate does not fit this kind of vehicle.</source>
        <translation>Biển số này không hợp với loại xe.</translation>
    </message>
    <message>
        <source>The chassis number has characters not allowed.</source>
        <translation>Số khung có ký tự không được phép.</translation>
    </message>
    <message>
        <source>The engine number has characters not allowed.</source>
        <translation>Số máy có ký tự không được phép.</translation>
    </message>
    <message>
        <source>A licence number has 12 digits (old paper ones differ).</source>
        <translation>Số giấy phép lái xe có 12 chữ số (giấy phép giấy cũ thì khác).</translation>
    </message>
    <message>
        <source>This licence number starts with an unknown province.</source>
        <translation>Số giấy phép bắt đầu bằng mã tỉnh không có.</translation>
    </message>
    <message>
        <source>This licence class does not exist.</source>
        <translation>Không có hạng giấy phép này.</translation>
    </message>
    <message>
        <source>This class does not exist in that scheme.</source>
        <translation>Hạng này không có trong hệ thống đó.</translation>
    </message>
    <message>
        <source>The class scheme does not fit the issue date.</source>
        <translation>Hệ thống hạng không khớp với ngày cấp.</translation>
    </message>
    <message>
        <source>The expiry is before the issue date.</source>
        <translation>Ngày hết hạn trước ngày cấp.</translation>
    </message>
    <message>
        <source>This is not a Vietnamese phone number.</source>
        <translation>Đây không phải số điện thoại Việt Nam.</translation>
    </message>
    <message>
        <source>No mobile number starts like this.</source>
        <translation>Không có số di động nào bắt đầu như vậy.</translation>
    </message>
    <message>
        <source>Type a name with letters only.</source>
        <translation>Xin nhập tên chỉ gồm chữ cái.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Nội dung quá dài.</translation>
    </message>
    <message>
        <source>This cannot be left empty.</source>
        <translation>Không được để trống.</translation>
    </message>
    <message>
        <source>This vehicle is on file for the resident: answer that record instead.</source>
        <translation>Xe này đã có trong hồ sơ của người dân: hãy trả lời cho xe đó.</translation>
    </message>
    <message>
        <source>This record is answered twice.</source>
        <translation>Mục này được trả lời hai lần.</translation>
    </message>
    <message>
        <source>&apos;No papers&apos; goes with no other paper.</source>
        <translation>Đã chọn &apos;Không có giấy tờ&apos; thì không chọn giấy tờ khác.</translation>
    </message>
    <message>
        <source>Check the plate: its province code is unusual.</source>
        <translation>Kiểm tra biển số: mã tỉnh bất thường.</translation>
    </message>
    <message>
        <source>Check the licence number: an old paper one?</source>
        <translation>Kiểm tra số giấy phép: giấy phép giấy cũ?</translation>
    </message>
    <message>
        <source>Check the expiry date on the licence.</source>
        <translation>Kiểm tra ngày hết hạn trên giấy phép lái xe.</translation>
    </message>
    <message>
        <source>The expiry date is unusual for this class.</source>
        <translation>Ngày hết hạn bất thường với hạng này.</translation>
    </message>
    <message>
        <source>Check the class on the licence.</source>
        <translation>Kiểm tra hạng trên giấy phép lái xe.</translation>
    </message>
    <message>
        <source>A landline: a mobile number can receive messages.</source>
        <translation>Số máy bàn: số di động mới nhận được tin nhắn.</translation>
    </message>
    <message>
        <source>Check the chassis number: a car&apos;s has 17 characters.</source>
        <translation>Kiểm tra số khung: số khung ô tô có 17 ký tự.</translation>
    </message>
    <message>
        <source>Check the birth date: the age is unusual.</source>
        <translation>Kiểm tra ngày sinh: tuổi bất thường.</translation>
    </message>
    <message>
        <source>The name on the card differs from the roster.</source>
        <translation>Tên trên thẻ khác với danh sách của phường.</translation>
    </message>
    <message>
        <source>This value is not accepted. Please check it.</source>
        <translation>Giá trị này không được chấp nhận. Xin kiểm tra lại.</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <source>That is a health-insurance card. Please scan the QR code on the front of the chip ID card (căn cước).</source>
        <translation>Đây là thẻ bảo hiểm y tế. Vui lòng quét mã QR ở mặt trước thẻ căn cước.</translation>
    </message>
    <message>
        <source>That is a web address, not an ID card. Please scan the QR code on the front of the chip ID card.</source>
        <translation>Đây là địa chỉ trang web, không phải thẻ căn cước. Vui lòng quét mã QR ở mặt trước thẻ căn cước.</translation>
    </message>
    <message>
        <source>That is a product barcode, not an ID card. Please scan the QR code on the front of the chip ID card.</source>
        <translation>Đây là mã vạch hàng hoá, không phải thẻ căn cước. Vui lòng quét mã QR ở mặt trước thẻ căn cước.</translation>
    </message>
    <message>
        <source>The card&apos;s ID number does not agree with its birth date or sex. Type the ID number by hand and check the card with an officer.</source>
        <translation>Số CCCD trên thẻ không khớp với ngày sinh hoặc giới tính. Hãy nhập số CCCD bằng tay và nhờ cán bộ kiểm tra thẻ.</translation>
    </message>
    <message>
        <source>Only part of the card was read. Hold the card still under the scanner and scan it again.</source>
        <translation>Máy chỉ đọc được một phần thẻ. Giữ yên thẻ dưới máy quét rồi quét lại.</translation>
    </message>
    <message>
        <source>That code was not recognised. Scan the QR code on the front of the chip ID card, or type the ID number on the keypad.</source>
        <translation>Không nhận ra mã vừa quét. Hãy quét mã QR ở mặt trước thẻ căn cước, hoặc nhập số CCCD bằng bàn phím số.</translation>
    </message>
    <message>
        <source>Close the message on the screen first, then scan the card again.</source>
        <translation>Hãy đóng thông báo trên màn hình trước, rồi quét lại thẻ.</translation>
    </message>
    <message>
        <source>Cards cannot be used on this screen. Go Home first, then scan the card again.</source>
        <translation>Không dùng thẻ ở màn hình này. Hãy về Trang chính rồi quét lại thẻ.</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>Open the evening session</source>
        <translation>Mở buổi làm việc tối</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Kết thúc buổi làm việc</translation>
    </message>
    <message>
        <source>No evening session is open.</source>
        <translation>Chưa mở buổi làm việc tối.</translation>
    </message>
    <message>
        <source>The first visit taken today opens one by itself.</source>
        <translation>Lượt ghi nhận đầu tiên trong ngày sẽ tự mở buổi làm việc.</translation>
    </message>
    <message>
        <source>Evening session open since %1</source>
        <translation>Buổi làm việc tối mở từ %1</translation>
    </message>
    <message>
        <source>Served %1 · checked %2 · sent %3 · set aside %4</source>
        <translation>Đã làm %1 · đã xác minh %2 · đã gửi %3 · tạm để riêng %4</translation>
    </message>
    <message numerus="yes">
        <source>%n closed session(s) not yet confirmed by the ward&apos;s server: the kiosk checks by itself when the server answers.</source>
        <translation>
            <numerusform>%n buổi đã kết thúc nhưng máy chủ của phường chưa xác nhận: máy sẽ tự đối chiếu khi máy chủ trả lời.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message>
        <source>Closed. Asking the ward&apos;s server whether it has every record…</source>
        <translation>Đã kết thúc. Đang hỏi máy chủ của phường xem đã nhận đủ hồ sơ chưa…</translation>
    </message>
    <message>
        <source>Closed. This kiosk has no ward&apos;s server to check with.</source>
        <translation>Đã kết thúc. Máy này không kết nối máy chủ của phường nên không cần đối chiếu.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server lacked %1 record(s); %2 were sent again. The kiosk will try again by itself; if it keeps failing, save the records to a USB stick.</source>
        <translation>Đã kết thúc. Máy chủ của phường còn thiếu %1 hồ sơ; đã gửi lại %2. Máy sẽ tự thử lại; nếu vẫn không được, hãy lưu hồ sơ vào USB.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server lacks %1 record(s) whose details this kiosk has already erased. Tell the ward office.</source>
        <translation>Đã kết thúc. Máy chủ của phường còn thiếu %1 hồ sơ mà máy này đã xoá thông tin sau thời hạn lưu giữ. Vui lòng báo cho cán bộ phường.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server lacked %1 record(s): they were sent again.</source>
        <translation>Đã kết thúc. Máy chủ của phường còn thiếu %1 hồ sơ: đã gửi lại.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server has every record of the session.</source>
        <translation>Đã kết thúc. Máy chủ của phường đã nhận đủ hồ sơ của buổi này.</translation>
    </message>
    <message>
        <source>Closed, but the ward&apos;s server did not answer. The kiosk will check with it by itself when it answers again. You can also save the records to a USB stick.</source>
        <translation>Đã kết thúc, nhưng máy chủ của phường không trả lời. Khi máy chủ hoạt động lại, máy sẽ tự đối chiếu. Anh/chị cũng có thể lưu hồ sơ vào USB.</translation>
    </message>
    <message>
        <source>Save to %1</source>
        <translation>Lưu vào %1</translation>
    </message>
    <message>
        <source>Save the records not yet sent to a USB stick, for the ward&apos;s server:</source>
        <translation>Lưu các hồ sơ chưa gửi vào USB để mang lên máy chủ của phường:</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in, then tap “Look again”.</source>
        <translation>Không thấy USB. Hãy cắm USB vào rồi bấm “Tìm lại”.</translation>
    </message>
    <message>
        <source>%1 record(s) saved to the stick as %2.</source>
        <translation>Đã lưu %1 hồ sơ vào USB, tên tệp %2.</translation>
    </message>
    <message>
        <source>Open the evening session</source>
        <translation>Mở buổi làm việc tối</translation>
    </message>
    <message>
        <source>Close the evening session</source>
        <translation>Kết thúc buổi làm việc tối</translation>
    </message>
    <message>
        <source>Residential groups this session covers</source>
        <translation>Tổ dân phố của buổi làm việc này</translation>
    </message>
    <message>
        <source>This kiosk has no roster yet: the session opens without a residential group.</source>
        <translation>Máy chưa có danh sách dân cư: buổi làm việc sẽ mở mà không ghi tổ dân phố.</translation>
    </message>
    <message>
        <source>Who is on duty</source>
        <translation>Ai làm việc buổi này</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Open the session</source>
        <translation>Mở buổi làm việc</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Kết thúc buổi làm việc</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Tìm lại</translation>
    </message>
    <message>
        <source>Residents served: %1</source>
        <translation>Số người dân đã làm: %1</translation>
    </message>
    <message>
        <source>Households covered: %1</source>
        <translation>Số hộ gia đình: %1</translation>
    </message>
    <message>
        <source>Checked by an officer: %1</source>
        <translation>Cán bộ đã xác minh: %1</translation>
    </message>
    <message>
        <source>Sent to the ward&apos;s server: %1</source>
        <translation>Đã gửi lên máy chủ của phường: %1</translation>
    </message>
    <message>
        <source>Set aside (the server kept failing): %1</source>
        <translation>Tạm để riêng (máy chủ nhiều lần báo lỗi): %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Người dân từ chối: %1</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Xe</translation>
    </message>
    <message>
        <source>Driving licences</source>
        <translation>Giấy phép lái xe</translation>
    </message>
    <message>
        <source>%1: %2 visit(s) taken, %3 checked</source>
        <translation>%1: ghi nhận %2 lượt, xác minh %3</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Please type the name of the community house.</source>
        <translation>Xin nhập tên nhà văn hoá.</translation>
    </message>
    <message>
        <source>The community house&apos;s name is saved.</source>
        <translation>Đã lưu tên nhà văn hoá.</translation>
    </message>
    <message>
        <source>Contacting the ward&apos;s server…</source>
        <translation>Đang liên hệ máy chủ của phường…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Cỡ chữ</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Vừa</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Lớn</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Rất lớn</translation>
    </message>
    <message>
        <source>Lock the screen when nobody uses it for:</source>
        <translation>Tự khoá màn hình khi không ai dùng trong:</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Chế độ tập huấn</translation>
    </message>
    <message>
        <source>Name of the community house (printed on receipts)</source>
        <translation>Tên nhà văn hoá (in trên phiếu)</translation>
    </message>
    <message>
        <source>Name of the community house</source>
        <translation>Tên nhà văn hoá</translation>
    </message>
    <message>
        <source>Save the name</source>
        <translation>Lưu tên</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Bật</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <translation>Bàn phím trên màn hình</translation>
    </message>
    <message>
        <source>Typing Vietnamese</source>
        <translation>Gõ tiếng Việt</translation>
    </message>
    <message>
        <source>Hold a key</source>
        <translation>Giữ phím</translation>
    </message>
    <message>
        <source>Station %1, enrolled with the ward&apos;s server %2 (%3, %4).</source>
        <translation>Trạm %1, đã đăng ký với máy chủ của phường %2 (%3, %4).</translation>
    </message>
    <message>
        <source>Station %1: offline demo station, not enrolled with a server.</source>
        <translation>Trạm %1: trạm dùng thử ngoại tuyến, chưa đăng ký với máy chủ.</translation>
    </message>
    <message>
        <source>Warning: the records on this computer are NOT encrypted.</source>
        <translation>Cảnh báo: dữ liệu trên máy này KHÔNG được mã hoá.</translation>
    </message>
    <message>
        <source>Enrol again</source>
        <translation>Đăng ký lại</translation>
    </message>
    <message>
        <source>Enrol with a server</source>
        <translation>Đăng ký với máy chủ</translation>
    </message>
    <message>
        <source>Type the address of the ward&apos;s intake server and the one-time code from the ward office. Records still waiting must be sent before enrolling again.</source>
        <translation>Nhập địa chỉ máy chủ tiếp nhận của phường và mã dùng một lần do phường cấp. Các hồ sơ đang chờ phải được gửi xong trước khi đăng ký lại.</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Thoát chế độ kiosk</translation>
    </message>
    <message>
        <source>To leave kiosk mode, type your officer PIN.</source>
        <translation>Để thoát chế độ kiosk, vui lòng nhập mã PIN cán bộ của bạn.</translation>
    </message>
    <message>
        <source>Officer PIN</source>
        <translation>Mã PIN cán bộ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Import the roster from a USB stick</source>
        <translation>Nhập danh sách cư dân từ USB</translation>
    </message>
    <message>
        <source>For a ward without network: put in the USB stick with the roster file from the ward&apos;s server, then tap the file. It is checked first; a file that was changed, cut short or made for another ward is refused.</source>
        <translation>Dùng khi phường không có mạng: cắm USB có tệp danh sách cư dân do máy chủ của phường tạo, rồi chạm vào tệp. Máy kiểm tra tệp trước; tệp đã bị sửa, bị thiếu hoặc của phường khác sẽ không được nhận.</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Contacting the ward&apos;s server…</source>
        <translation>Đang liên hệ máy chủ của phường…</translation>
    </message>
    <message>
        <source>Please type the name of the community house.</source>
        <translation>Xin nhập tên nhà văn hoá.</translation>
    </message>
    <message>
        <source>Please type the officer&apos;s full name.</source>
        <translation>Vui lòng nhập họ và tên của cán bộ.</translation>
    </message>
    <message>
        <source>The two PINs were not the same. Please choose it again.</source>
        <translation>Hai lần nhập mã PIN không giống nhau. Vui lòng chọn lại.</translation>
    </message>
    <message>
        <source>First start — step %1 of %2</source>
        <translation>Cài đặt lần đầu — bước %1/%2</translation>
    </message>
    <message>
        <source>Welcome! Please choose the language of this kiosk.</source>
        <translation>Xin chào! Vui lòng chọn ngôn ngữ cho máy.</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>Trạm này</translation>
    </message>
    <message>
        <source>What is the name of this community house?</source>
        <translation>Nhà văn hoá này tên là gì?</translation>
    </message>
    <message>
        <source>Who is the first officer of this kiosk?</source>
        <translation>Ai là cán bộ phụ trách đầu tiên của máy này?</translation>
    </message>
    <message>
        <source>Choose the officer&apos;s PIN: %1 to %2 digits.</source>
        <translation>Chọn mã PIN cho cán bộ: từ %1 đến %2 chữ số.</translation>
    </message>
    <message>
        <source>Type the same PIN once more.</source>
        <translation>Nhập lại mã PIN một lần nữa.</translation>
    </message>
    <message>
        <source>Connect to the ward&apos;s server</source>
        <translation>Kết nối máy chủ của phường</translation>
    </message>
    <message>
        <source>Offline demo station</source>
        <translation>Trạm thử ngoại tuyến</translation>
    </message>
    <message>
        <source>Records are kept safely on this computer and sent to the ward&apos;s server whenever there is a connection.</source>
        <translation>Hồ sơ được lưu an toàn trên máy này và gửi lên máy chủ của phường mỗi khi có kết nối.</translation>
    </message>
    <message>
        <source>An offline demo station keeps records on this computer and sends nothing. An officer can enrol it later in the settings.</source>
        <translation>Trạm thử ngoại tuyến lưu hồ sơ trên máy này và không gửi đi đâu. Cán bộ có thể đăng ký sau trong phần Cài đặt.</translation>
    </message>
    <message>
        <source>Training mode (for teaching volunteers)</source>
        <translation>Chế độ tập huấn (để hướng dẫn tình nguyện viên)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Bật</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Name of the community house</source>
        <translation>Tên nhà văn hoá</translation>
    </message>
    <message>
        <source>It is printed on every receipt the residents take home.</source>
        <translation>Tên này được in trên mọi phiếu người dân mang về.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Type the PIN</source>
        <translation>Nhập mã PIN</translation>
    </message>
    <message>
        <source>Type the PIN again</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>The two PINs were not the same. Please choose it again.</source>
        <translation>Hai lần nhập mã PIN không giống nhau. Vui lòng chọn lại.</translation>
    </message>
    <message>
        <source>Welcome! Please choose your own PIN now.</source>
        <translation>Xin chào! Bây giờ bạn hãy chọn mã PIN riêng của mình.</translation>
    </message>
    <message numerus="yes">
        <source>That PIN is not right. %n more wrong try(s) and the sign-in is paused.</source>
        <translation>
            <numerusform>Mã PIN chưa đúng. Nếu nhập sai thêm %n lần, việc đăng nhập sẽ bị tạm dừng.</numerusform>
        </translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Tình nguyện viên</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Tap your name, then type your PIN.</source>
        <translation>Chạm vào tên của bạn, rồi nhập mã PIN.</translation>
    </message>
    <message>
        <source>Nobody chosen yet</source>
        <translation>Chưa chọn tên</translation>
    </message>
    <message>
        <source>Tap your name first</source>
        <translation>Hãy chạm vào tên của bạn trước</translation>
    </message>
    <message>
        <source>%1: choose a new PIN</source>
        <translation>%1: chọn mã PIN mới</translation>
    </message>
    <message>
        <source>New PIN, %1 to %2 digits</source>
        <translation>Mã PIN mới, từ %1 đến %2 chữ số</translation>
    </message>
    <message>
        <source>%1: the new PIN once more</source>
        <translation>%1: nhập lại mã PIN mới</translation>
    </message>
    <message>
        <source>Type the new PIN again</source>
        <translation>Nhập lại mã PIN mới</translation>
    </message>
    <message>
        <source>%1, please type your PIN</source>
        <translation>%1, vui lòng nhập mã PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
</context>
<context>
    <name>StartupScreen</name>
    <message>
        <source>Community house kiosk</source>
        <translation>Máy hỗ trợ người dân tại nhà văn hoá</translation>
    </message>
    <message>
        <source>The kiosk could not open its records.</source>
        <translation>Máy chưa mở được dữ liệu.</translation>
    </message>
    <message>
        <source>Getting ready, please wait…</source>
        <translation>Đang khởi động, vui lòng chờ…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Home</source>
        <translation>Trang chính</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Khoá</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Chưa có ai đăng nhập</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Cán bộ: %1</translation>
    </message>
    <message>
        <source>Volunteer: %1</source>
        <translation>Tình nguyện viên: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Đang khởi động…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n hồ sơ đang chờ gửi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetCell</name>
    <message>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>No residential group is known yet: download the ward&apos;s roster first.</source>
        <translation>Chưa có tổ dân phố nào: hãy tải danh sách hộ của phường trước.</translation>
    </message>
    <message>
        <source>%1 figure(s) changed: tap Save to keep them.</source>
        <translation>Đã sửa %1 chỉ tiêu: bấm Lưu để giữ lại.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved. The targets go to the ward&apos;s server with the next sync.</source>
        <translation>Đã lưu. Chỉ tiêu sẽ được gửi lên máy chủ phường ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Daily targets</source>
        <translation>Chỉ tiêu hằng ngày</translation>
    </message>
    <message>
        <source>Daily targets per residential group</source>
        <translation>Chỉ tiêu hằng ngày theo tổ dân phố</translation>
    </message>
    <message>
        <source>How many residents each group should serve. Tap − or +, or tap a figure and type it on the keypad, then Save.</source>
        <translation>Số người dân mỗi tổ cần phục vụ. Bấm − hoặc +, hoặc bấm vào một con số rồi nhập trên bàn phím số, sau đó bấm Lưu.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Ngày mai</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Hôm nay %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Ngày mai %1</translation>
    </message>
    <message>
        <source>Tap a figure to type it here</source>
        <translation>Bấm vào một con số để nhập tại đây</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <source>TRAINING MODE — practice only: nothing recorded here is ever sent.</source>
        <translation>CHẾ ĐỘ TẬP HUẤN — chỉ để luyện tập: mọi thứ ghi ở đây sẽ không bao giờ được gửi đi.</translation>
    </message>
</context>
<context>
    <name>UsbFileChoice</name>
    <message>
        <source>Look again</source>
        <translation>Tìm lại</translation>
    </message>
    <message>
        <source>Looking at the USB sticks…</source>
        <translation>Đang tìm trên USB…</translation>
    </message>
    <message>
        <source>Nothing found on a USB stick. Put the stick in, wait a moment, then tap Look again.</source>
        <translation>Không thấy tệp nào trên USB. Hãy cắm USB vào, chờ một lát, rồi chạm &quot;Tìm lại&quot;.</translation>
    </message>
    <message>
        <source>Files found: %1. Tap the one to import.</source>
        <translation>Tìm thấy %1 tệp. Chạm vào tệp cần nhập.</translation>
    </message>
</context>
<context>
    <name>UsbFiles</name>
    <message>
        <source>Which USB stick?</source>
        <translation>Lưu vào USB nào?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>VerifyScreen</name>
    <message>
        <source>You captured this one yourself: another officer must check it.</source>
        <translation>Hồ sơ này do chính đồng chí ghi nhận: cán bộ khác phải xác minh.</translation>
    </message>
    <message>
        <source>Nothing is waiting for an officer.</source>
        <translation>Không còn hồ sơ nào chờ cán bộ xác minh.</translation>
    </message>
    <message>
        <source>Check with the papers: %1 waiting</source>
        <translation>Đối chiếu với giấy tờ: còn %1 hồ sơ</translation>
    </message>
    <message>
        <source>Acting for them: %1</source>
        <translation>Người làm thay: %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>Trong hồ sơ</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Người dân khai</translation>
    </message>
    <message>
        <source>Other person: %1</source>
        <translation>Người kia: %1</translation>
    </message>
    <message>
        <source>Owner on the papers: %1</source>
        <translation>Chủ xe trên giấy tờ: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Ngày: %1</translation>
    </message>
    <message>
        <source>Papers seen: %1</source>
        <translation>Giấy tờ đã xem: %1</translation>
    </message>
    <message>
        <source>The record on file is not in this kiosk&apos;s copy.</source>
        <translation>Hồ sơ gốc không có trong bản sao trên máy này.</translation>
    </message>
    <message>
        <source>Seen: %1</source>
        <translation>Đã xem: %1</translation>
    </message>
    <message>
        <source>Papers missing or not matching</source>
        <translation>Thiếu giấy tờ hoặc giấy tờ không khớp</translation>
    </message>
    <message>
        <source>Plate or vehicle details wrong</source>
        <translation>Sai biển số hoặc thông tin xe</translation>
    </message>
    <message>
        <source>Buyer or seller details wrong</source>
        <translation>Sai thông tin người mua hoặc người bán</translation>
    </message>
    <message>
        <source>Ask the resident again</source>
        <translation>Cần hỏi lại người dân</translation>
    </message>
    <message>
        <source>Warnings: tap each one once you have checked it</source>
        <translation>Cảnh báo: kiểm tra xong mục nào thì bấm vào mục đó</translation>
    </message>
    <message>
        <source>Why does it go back to the volunteer?</source>
        <translation>Vì sao trả lại cho tình nguyện viên?</translation>
    </message>
    <message>
        <source>Other reason (type it)</source>
        <translation>Lý do khác (nhập vào)</translation>
    </message>
    <message>
        <source>Reason, in a few words</source>
        <translation>Lý do, vài chữ</translation>
    </message>
    <message>
        <source>Send it back</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>VisitFlow</name>
    <message>
        <source>The visit %1 of %2 was sent and its details were erased from this kiosk after the retention period. The ward&apos;s server keeps them.</source>
        <translation>Lượt ghi nhận %1 ngày %2 đã được gửi đi và thông tin chi tiết đã được xoá khỏi máy này sau thời hạn lưu giữ. Máy chủ của phường vẫn giữ.</translation>
    </message>
</context>
</TS>
