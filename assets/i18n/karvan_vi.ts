<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Log for %1</source>
            <translation>Ghi cho %1</translation>
        </message>
        <message>
            <source>Choose a customer first</source>
            <translation>Hãy chọn khách hàng trước</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Thăm</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Phút</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>Gần đây</translation>
        </message>
        <message>
            <source>Choose a photo</source>
            <translation>Chọn ảnh</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>Hình ảnh (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Take a photo</source>
            <translation>Chụp ảnh</translation>
        </message>
        <message>
            <source>No camera found. Choose a picture file instead.</source>
            <translation>Không tìm thấy máy ảnh. Hãy chọn một tệp ảnh.</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>Từ tệp</translation>
        </message>
        <message>
            <source>Take photo</source>
            <translation>Chụp</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>Thay ảnh</translation>
        </message>
        <message>
            <source>Add photo</source>
            <translation>Thêm ảnh</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>Bỏ ảnh</translation>
        </message>
        <message>
            <source>Photo %1 × %2, %3 KB</source>
            <translation>Ảnh %1 × %2, %3 KB</translation>
        </message>
        <message>
            <source>Save with photo</source>
            <translation>Lưu kèm ảnh</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Purchases per month</source>
            <translation>Mua hàng theo tháng</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>Mua hàng</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Search products</source>
            <translation>Tìm sản phẩm</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>Mã vạch</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Tra cứu</translation>
        </message>
        <message>
            <source>No product with barcode %1</source>
            <translation>Không có sản phẩm mã vạch %1</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>Còn %1</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Hết hàng</translation>
        </message>
        <message>
            <source>Stock as of %1</source>
            <translation>Tồn kho tính đến %1</translation>
        </message>
        <message>
            <source>Add to order</source>
            <translation>Thêm vào đơn</translation>
        </message>
    </context>
    <context>
        <name>CreditBadge</name>
        <message>
            <source>Credit hold</source>
            <translation>Khóa tín dụng</translation>
        </message>
        <message>
            <source>Credit warning</source>
            <translation>Cảnh báo tín dụng</translation>
        </message>
        <message>
            <source>Credit OK</source>
            <translation>Tín dụng tốt</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>Chọn khách hàng</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>Đơn hàng mới</translation>
        </message>
        <message>
            <source>New quote</source>
            <translation>Báo giá mới</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Tín dụng</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Hạn mức</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>Dư nợ</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Còn lại</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>Hạn thanh toán</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Liên hệ</translation>
        </message>
        <message>
            <source>Purchases, last 12 months</source>
            <translation>Mua hàng 12 tháng qua</translation>
        </message>
        <message>
            <source>Open tickets</source>
            <translation>Phiếu đang mở</translation>
        </message>
        <message>
            <source>No open tickets</source>
            <translation>Không có phiếu mở</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Lịch sử</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Hoạt động</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>ảnh</translation>
        </message>
    </context>
    <context>
        <name>CustomersPage</name>
        <message>
            <source>Search name, code, phone, city</source>
            <translation>Tìm tên, mã, điện thoại, thành phố</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Mới</translation>
        </message>
        <message>
            <source>Tickets: %1</source>
            <translation>Phiếu: %1</translation>
        </message>
        <message>
            <source>No customers match</source>
            <translation>Không tìm thấy khách hàng</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>Khách hàng mới</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
    </context>
    <context>
        <name>KioskShell</name>
        <message>
            <source>Walk-in customer</source>
            <translation>Khách vãng lai</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Xin chào</translation>
        </message>
        <message>
            <source>Tap to order</source>
            <translation>Chạm để đặt hàng</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Hết hàng</translation>
        </message>
        <message>
            <source>Thank you! Your order is saved.</source>
            <translation>Cảm ơn! Đơn hàng đã được lưu.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>Đơn hàng mới</translation>
        </message>
        <message>
            <source>Your cart</source>
            <translation>Giỏ hàng</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Tổng cộng</translation>
        </message>
        <message>
            <source>Checkout</source>
            <translation>Thanh toán</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Nhân viên</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>Mã PIN nhân viên</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>Mã PIN</translation>
        </message>
        <message>
            <source>Wrong PIN</source>
            <translation>Sai mã PIN</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>Karvan</source>
            <translation>Karvan</translation>
        </message>
    </context>
    <context>
        <name>OrderPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>Chọn khách hàng</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Khách hàng</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Đơn hàng</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Báo giá</translation>
        </message>
        <message>
            <source>Saved on this device, waiting to sync</source>
            <translation>Đã lưu trên máy, đang chờ đồng bộ</translation>
        </message>
        <message>
            <source>Add products</source>
            <translation>Thêm sản phẩm</translation>
        </message>
        <message>
            <source>Search products</source>
            <translation>Tìm sản phẩm</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Dòng hàng</translation>
        </message>
        <message>
            <source>Why?</source>
            <translation>Tại sao?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Check before submitting</source>
            <translation>Kiểm tra trước khi gửi</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>Tổng tiền</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Tiền hàng</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Thuế</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Tổng cộng</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Tín dụng</translation>
        </message>
        <message>
            <source>Save quote</source>
            <translation>Lưu báo giá</translation>
        </message>
        <message>
            <source>Submit order</source>
            <translation>Gửi đơn hàng</translation>
        </message>
        <message>
            <source>%1 at HQ: %2</source>
            <translation>%1 tại trụ sở: %2</translation>
        </message>
        <message>
            <source>HQ: %1</source>
            <translation>Trụ sở: %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Có hiệu lực đến</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Đã ký</translation>
        </message>
        <message>
            <source>Convert to order</source>
            <translation>Chuyển thành đơn hàng</translation>
        </message>
        <message>
            <source>Share as PDF</source>
            <translation>Chia sẻ dưới dạng PDF</translation>
        </message>
        <message>
            <source>Customer's signature</source>
            <translation>Chữ ký của khách hàng</translation>
        </message>
    </context>
    <context>
        <name>PhoneShell</name>
        <message>
            <source>Today</source>
            <translation>Hôm nay</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Khách hàng</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Khách hàng</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Danh mục</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Đơn hàng</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>Phiếu hỗ trợ</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Hoạt động</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menu</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 chờ đồng bộ</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Account</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Máy chủ</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Ngôn ngữ</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Lịch</translation>
        </message>
        <message>
            <source>Gregorian</source>
            <translation>Dương lịch</translation>
        </message>
        <message>
            <source>Solar Hijri (Jalali)</source>
            <translation>Lịch Ba Tư (Jalali)</translation>
        </message>
        <message>
            <source>Hijri</source>
            <translation>Hồi lịch</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hôm nay</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Đăng xuất</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>Còn %1 thay đổi chưa đồng bộ. Hãy đồng bộ trước khi đăng xuất.</translation>
        </message>
        <message>
            <source>Everything is synced.</source>
            <translation>Mọi thứ đã được đồng bộ.</translation>
        </message>
        <message>
            <source>Signed in as</source>
            <translation>Đã đăng nhập với tên</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Đang đăng nhập…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <source>HQ's certificate file (optional)</source>
            <translation>Tệp chứng chỉ của trụ sở (không bắt buộc)</translation>
        </message>
        <message>
            <source>/path/to/ca.pem</source>
            <translation>/path/to/ca.pem</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>HQ's certificate file</source>
            <translation>Tệp chứng chỉ của trụ sở</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>Chứng chỉ (*.pem *.crt)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Tất cả tệp (*)</translation>
        </message>
        <message>
            <source>Automatic sync</source>
            <translation>Đồng bộ tự động</translation>
        </message>
        <message>
            <source>Sync every (minutes, 0 = off)</source>
            <translation>Đồng bộ mỗi (phút, 0 = tắt)</translation>
        </message>
        <message>
            <source>Also syncs when the app starts, shortly after you save a change, and when the network comes back.</source>
            <translation>Cũng đồng bộ khi ứng dụng khởi động, ngay sau khi bạn lưu một thay đổi và khi mạng có lại.</translation>
        </message>
        <message>
            <source>Kiosk mode</source>
            <translation>Chế độ kiosk</translation>
        </message>
        <message>
            <source>The kiosk PIN is saved.</source>
            <translation>Đã lưu mã PIN kiosk.</translation>
        </message>
        <message>
            <source>A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).</source>
            <translation>Màn hình tự đặt hàng cho cửa hàng. Cần mã PIN kiosk (4 đến 8 chữ số) để thoát.</translation>
        </message>
        <message>
            <source>Current PIN</source>
            <translation>Mã PIN hiện tại</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>Mã PIN mới</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>Mã PIN</translation>
        </message>
        <message>
            <source>The PIN again</source>
            <translation>Nhập lại mã PIN</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>Đổi mã PIN</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>Đặt mã PIN</translation>
        </message>
        <message>
            <source>Start kiosk mode</source>
            <translation>Bắt đầu chế độ kiosk</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature pad</source>
            <translation>Bảng ký tên</translation>
        </message>
        <message>
            <source>Customer signs here</source>
            <translation>Khách hàng ký tại đây</translation>
        </message>
        <message>
            <source>Optional: the customer's signature</source>
            <translation>Không bắt buộc: chữ ký của khách hàng</translation>
        </message>
        <message>
            <source>Signed on this device</source>
            <translation>Đã ký trên thiết bị này</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Xóa</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Máy chủ</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Chưa đặt</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>Đồng bộ lần cuối</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Chờ đồng bộ</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Đồng bộ ngay</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Đang chờ</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Bỏ</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>Không có gì chờ đồng bộ</translation>
        </message>
        <message>
            <source>Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.</source>
            <translation>Người khác cũng đã thay đổi các trường này. Giá trị của họ đang được hiển thị; hãy giữ lại hoặc áp dụng lại giá trị của bạn.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Trước đó</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>Của họ</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Của tôi</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>Giữ giá trị của họ</translation>
        </message>
        <message>
            <source>Re-apply mine</source>
            <translation>Áp dụng lại của tôi</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Chưa đăng nhập</translation>
        </message>
        <message>
            <source>Sending changes</source>
            <translation>Đang gửi thay đổi</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Dữ liệu</translation>
        </message>
        <message>
            <source>Sync failed: %1</source>
            <translation>Đồng bộ thất bại: %1</translation>
        </message>
        <message>
            <source>Sign in under Settings to sync with HQ.</source>
            <translation>Đăng nhập trong Cài đặt để đồng bộ với trụ sở.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Đang đồng bộ…</translation>
        </message>
    </context>
    <context>
        <name>TabletShell</name>
        <message>
            <source>Today</source>
            <translation>Hôm nay</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Khách hàng</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Khách hàng</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Danh mục</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Đơn hàng</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>Phiếu hỗ trợ</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Hoạt động</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source>Karvan</source>
            <translation>Karvan</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 chờ đồng bộ</translation>
        </message>
        <message>
            <source>All synced</source>
            <translation>Đã đồng bộ hết</translation>
        </message>
    </context>
    <context>
        <name>TicketsPage</name>
        <message>
            <source>Open tickets</source>
            <translation>Phiếu đang mở</translation>
        </message>
        <message>
            <source>New ticket</source>
            <translation>Phiếu mới</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Ẩn</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Bình luận</translation>
        </message>
        <message>
            <source>Write a comment</source>
            <translation>Viết bình luận</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Gửi</translation>
        </message>
        <message>
            <source>New ticket for %1</source>
            <translation>Phiếu mới cho %1</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Chi tiết</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Chờ đồng bộ</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>Đồng bộ lần cuối</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>Cảnh báo</translation>
        </message>
        <message>
            <source>No alerts</source>
            <translation>Không có cảnh báo</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Lượt thăm</translation>
        </message>
        <message>
            <source>No visits planned</source>
            <translation>Không có lượt thăm</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Đang đồng bộ…</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::ActivityPhoto</name>
        <message>
            <source>The photo is empty.</source>
            <translation>Ảnh trống.</translation>
        </message>
        <message>
            <source>The photo could not be encoded: %1</source>
            <translation>Không mã hóa được ảnh: %1</translation>
        </message>
        <message>
            <source>The photo is too large.</source>
            <translation>Ảnh quá lớn.</translation>
        </message>
        <message>
            <source>There is no file %1.</source>
            <translation>Không có tệp %1.</translation>
        </message>
        <message>
            <source>%1 is too large for a photo.</source>
            <translation>%1 quá lớn để làm ảnh.</translation>
        </message>
        <message>
            <source>%1 has too many pixels for a photo.</source>
            <translation>%1 có quá nhiều điểm ảnh.</translation>
        </message>
        <message>
            <source>%1 is not a picture this device can read.</source>
            <translation>%1 không phải ảnh mà thiết bị này đọc được.</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::AppSettings</name>
        <message>
            <source>The current PIN is wrong</source>
            <translation>Mã PIN hiện tại không đúng</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 8 digits</source>
            <translation>Mã PIN phải có từ 4 đến 8 chữ số</translation>
        </message>
        <message>
            <source>The two PINs are not the same</source>
            <translation>Hai mã PIN không giống nhau</translation>
        </message>
        <message>
            <source>Set a kiosk PIN first: it is needed to leave kiosk mode</source>
            <translation>Hãy đặt mã PIN kiosk trước: cần mã này để thoát chế độ kiosk</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::DeviceSession</name>
        <message>
            <source>Draft</source>
            <translation>Nháp</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Chờ đồng bộ</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Đã xác nhận</translation>
        </message>
        <message>
            <source>Credit hold</source>
            <translation>Khóa tín dụng</translation>
        </message>
        <message>
            <source>Backordered</source>
            <translation>Chờ hàng</translation>
        </message>
        <message>
            <source>Partly allocated</source>
            <translation>Phân bổ một phần</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Đã hủy</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Đã giao</translation>
        </message>
        <message>
            <source>Invoiced</source>
            <translation>Đã xuất hóa đơn</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>Đã chuyển đổi</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Hết hạn</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Thăm</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>never</source>
            <translation>chưa bao giờ</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 ngày</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Không hạn mức</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Báo giá</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Đơn hàng</translation>
        </message>
        <message>
            <source>(pending)</source>
            <translation>(đang chờ)</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>Hóa đơn</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Đã trả</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Thanh toán</translation>
        </message>
        <message>
            <source>Over credit limit: exposure %1</source>
            <translation>Vượt hạn mức: dư nợ %1</translation>
        </message>
        <message>
            <source>Near credit limit: exposure %1</source>
            <translation>Gần hạn mức: dư nợ %1</translation>
        </message>
        <message>
            <source>Invoice %1 overdue since %2: %3</source>
            <translation>Hóa đơn %1 quá hạn từ %2: %3</translation>
        </message>
        <message>
            <source>Low stock: %1 available</source>
            <translation>Sắp hết hàng: còn %1</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>Đang xử lý</translation>
        </message>
        <message>
            <source>Waiting on customer</source>
            <translation>Chờ khách hàng</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Đã giải quyết</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Đã đóng</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Ngôn ngữ</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Người liên hệ</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(trống)</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(không rõ)</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <source>%1 / %2 records</source>
            <translation>%1 / %2 bản ghi</translation>
        </message>
        <message>
            <source>%1 records</source>
            <translation>%1 bản ghi</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts</source>
            <translation>Đã gửi %1 thay đổi (%2 bị từ chối), nhận %3 bản ghi, %4 xung đột mới</translation>
        </message>
        <message>
            <source>Automatic sync off</source>
            <translation>Đồng bộ tự động đang tắt</translation>
        </message>
        <message>
            <source>Next automatic sync at %1</source>
            <translation>Lần đồng bộ tự động tiếp theo lúc %1</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>Máy chủ phải là địa chỉ dạng https://hq.example.com:8443</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>Mật khẩu không bao giờ được gửi qua http thường tới máy khác: hãy dùng https</translation>
        </message>
        <message>
            <source>The certificate file cannot be read or holds no certificate</source>
            <translation>Không đọc được tệp chứng chỉ hoặc tệp không chứa chứng chỉ nào</translation>
        </message>
        <message>
            <source>HQ's server refused the connection: it may be down or the address wrong</source>
            <translation>Máy chủ trụ sở từ chối kết nối: có thể máy chủ đang tắt hoặc địa chỉ sai</translation>
        </message>
        <message>
            <source>HQ's server was not found: check the address and the network</source>
            <translation>Không tìm thấy máy chủ trụ sở: hãy kiểm tra địa chỉ và mạng</translation>
        </message>
        <message>
            <source>HQ did not answer in time: check the network and try again</source>
            <translation>Trụ sở không phản hồi kịp: hãy kiểm tra mạng và thử lại</translation>
        </message>
        <message>
            <source>The connection to HQ broke: check the network and try again</source>
            <translation>Kết nối tới trụ sở bị ngắt: hãy kiểm tra mạng và thử lại</translation>
        </message>
        <message>
            <source>HQ's certificate is not trusted: choose HQ's certificate file (CA) in Settings</source>
            <translation>Chứng chỉ của trụ sở không được tin cậy: hãy chọn tệp chứng chỉ (CA) của trụ sở trong Cài đặt</translation>
        </message>
        <message>
            <source>A secure connection to HQ could not be made: check the address and the device's date</source>
            <translation>Không tạo được kết nối bảo mật tới trụ sở: hãy kiểm tra địa chỉ và ngày giờ của thiết bị</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>Đăng nhập để đồng bộ (Cài đặt)</translation>
        </message>
        <message>
            <source>HQ no longer accepts this device's sign-in: sign in again</source>
            <translation>Trụ sở không còn chấp nhận phiên đăng nhập của thiết bị này: hãy đăng nhập lại</translation>
        </message>
        <message>
            <source>HQ revoked this device; its local data was removed. Sign in again.</source>
            <translation>Trụ sở đã thu hồi thiết bị này; dữ liệu cục bộ đã bị xóa. Hãy đăng nhập lại.</translation>
        </message>
        <message>
            <source>HQ's server had a problem: try again later</source>
            <translation>Máy chủ trụ sở gặp sự cố: hãy thử lại sau</translation>
        </message>
        <message>
            <source>HQ refused the request</source>
            <translation>Trụ sở từ chối yêu cầu</translation>
        </message>
        <message>
            <source>HQ's answer could not be understood: the app may need an update</source>
            <translation>Không hiểu được phản hồi của trụ sở: có thể ứng dụng cần được cập nhật</translation>
        </message>
        <message>
            <source>Changes by another user on this device are not synced yet: sign in as that user and sync first</source>
            <translation>Các thay đổi của người dùng khác trên thiết bị này chưa được đồng bộ: hãy đăng nhập bằng người dùng đó và đồng bộ trước</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>Đang có một lần đồng bộ chạy</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::OrderEditor</name>
        <message>
            <source>List price</source>
            <translation>Giá niêm yết</translation>
        </message>
        <message>
            <source>Price list</source>
            <translation>Bảng giá</translation>
        </message>
        <message>
            <source>Volume tier</source>
            <translation>Bậc số lượng</translation>
        </message>
        <message>
            <source>Customer price</source>
            <translation>Giá riêng khách hàng</translation>
        </message>
        <message>
            <source>Promotion</source>
            <translation>Khuyến mãi</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Thuế</translation>
        </message>
        <message>
            <source>Credit hold: this order takes the account to %1, over its limit of %2</source>
            <translation>Khóa tín dụng: đơn này đưa dư nợ lên %1, vượt hạn mức %2</translation>
        </message>
        <message>
            <source>Near the credit limit: %1 of %2 after this order</source>
            <translation>Gần hạn mức: %1 trên %2 sau đơn này</translation>
        </message>
        <message>
            <source>The account is on credit hold at head office</source>
            <translation>Tài khoản bị khóa tín dụng tại trụ sở</translation>
        </message>
        <message>
            <source>%1 overdue, oldest %2 days</source>
            <translation>Quá hạn %1, lâu nhất %2 ngày</translation>
        </message>
        <message>
            <source>incl.</source>
            <translation>đã gồm</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>Còn hàng</translation>
        </message>
        <message>
            <source>Only %1 available (as of %2)</source>
            <translation>Chỉ còn %1 (tính đến %2)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>không rõ</translation>
        </message>
        <message>
            <source>%1: %2 short</source>
            <translation>%1: thiếu %2</translation>
        </message>
        <message>
            <source>Exposure %1 · limit %2</source>
            <translation>Dư nợ %1 · hạn mức %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>không có</translation>
        </message>
        <message>
            <source>Saved, but the signature was not stored: %1</source>
            <translation>Đã lưu, nhưng chữ ký chưa được lưu: %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::SavedDocumentView</name>
        <message>
            <source>(pending)</source>
            <translation>(đang chờ)</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>Báo giá %1</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>Đơn hàng %1</translation>
        </message>
        <message>
            <source>This quote is already converted to an order.</source>
            <translation>Báo giá này đã được chuyển thành đơn hàng.</translation>
        </message>
        <message>
            <source>HQ rejected this quote.</source>
            <translation>Trụ sở đã từ chối báo giá này.</translation>
        </message>
        <message>
            <source>HQ rejected this quote: %1</source>
            <translation>Trụ sở đã từ chối báo giá này: %1</translation>
        </message>
        <message>
            <source>This quote was cancelled.</source>
            <translation>Báo giá này đã bị hủy.</translation>
        </message>
        <message>
            <source>This quote expired on %1.</source>
            <translation>Báo giá này đã hết hạn vào %1.</translation>
        </message>
        <message>
            <source>This quote has expired.</source>
            <translation>Báo giá này đã hết hạn.</translation>
        </message>
        <message>
            <source>This quote has no lines.</source>
            <translation>Báo giá này không có dòng nào.</translation>
        </message>
        <message>
            <source>Not converted: %1</source>
            <translation>Chưa chuyển đổi: %1</translation>
        </message>
        <message>
            <source>Order made from quote %1, saved on this device, waiting to sync.</source>
            <translation>Đã tạo đơn hàng từ báo giá %1, đã lưu trên thiết bị này, đang chờ đồng bộ.</translation>
        </message>
        <message>
            <source>Cannot create the folder %1</source>
            <translation>Không thể tạo thư mục %1</translation>
        </message>
        <message>
            <source>The PDF was not written: %1</source>
            <translation>Không ghi được tệp PDF: %1</translation>
        </message>
        <message>
            <source>Saved as %1</source>
            <translation>Đã lưu thành %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>Kho dữ liệu của thiết bị chưa mở</translation>
        </message>
        <message>
            <source>Enter your login</source>
            <translation>Nhập tên đăng nhập</translation>
        </message>
        <message>
            <source>Enter your password</source>
            <translation>Nhập mật khẩu</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>Còn %1 thay đổi chưa đồng bộ. Hãy đồng bộ trước khi đăng xuất.</translation>
        </message>
        <message>
            <source>Enter the server's address</source>
            <translation>Nhập địa chỉ máy chủ</translation>
        </message>
    </context>
</TS>