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
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>Kho dữ liệu của thiết bị chưa mở</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>Máy chủ phải là địa chỉ dạng https://hq.example.com:8443</translation>
        </message>
        <message>
            <source>The server address must not have a path</source>
            <translation>Địa chỉ máy chủ không được có đường dẫn</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>Mật khẩu không bao giờ được gửi qua http thường tới máy khác: hãy dùng https</translation>
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
            <source>The certificate file %1 cannot be read</source>
            <translation>Không đọc được tệp chứng chỉ %1</translation>
        </message>
        <message>
            <source>This device holds %1 unsynced changes by %2: sign in as %2 and sync first</source>
            <translation>Thiết bị này có %1 thay đổi chưa đồng bộ của %2: hãy đăng nhập bằng %2 và đồng bộ trước</translation>
        </message>
        <message>
            <source>Cannot reach HQ at %1: %2</source>
            <translation>Không kết nối được trụ sở tại %1: %2</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu</translation>
        </message>
        <message>
            <source>HQ refused the sign-in: %1</source>
            <translation>Trụ sở từ chối đăng nhập: %1</translation>
        </message>
        <message>
            <source>HQ's answer to the sign-in has no token</source>
            <translation>Phản hồi đăng nhập của trụ sở không có mã truy cập</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Chưa đăng nhập</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>Còn %1 thay đổi chưa đồng bộ. Hãy đồng bộ trước khi đăng xuất.</translation>
        </message>
        <message>
            <source>Cannot read the session</source>
            <translation>Không đọc được phiên đăng nhập</translation>
        </message>
        <message>
            <source>Cannot reach HQ: %1</source>
            <translation>Không kết nối được trụ sở: %1</translation>
        </message>
        <message>
            <source>HQ refused the sign-out: %1</source>
            <translation>Trụ sở từ chối đăng xuất: %1</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>Đang có một lần đồng bộ chạy</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>Đăng nhập để đồng bộ (Cài đặt)</translation>
        </message>
    </context>
</TS>