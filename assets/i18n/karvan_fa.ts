<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Log for %1</source>
            <translation>ثبت برای %1</translation>
        </message>
        <message>
            <source>Choose a customer first</source>
            <translation>ابتدا مشتری را انتخاب کنید</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>بازدید</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>تماس</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>یادداشت</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>یادداشت‌ها</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>دقیقه</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>اخیر</translation>
        </message>
        <message>
            <source>Choose a photo</source>
            <translation>یک عکس انتخاب کنید</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>تصاویر (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Take a photo</source>
            <translation>عکس بگیرید</translation>
        </message>
        <message>
            <source>No camera found. Choose a picture file instead.</source>
            <translation>دوربینی پیدا نشد. به‌جای آن یک فایل تصویر انتخاب کنید.</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>از فایل</translation>
        </message>
        <message>
            <source>Take photo</source>
            <translation>گرفتن عکس</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>تعویض عکس</translation>
        </message>
        <message>
            <source>Add photo</source>
            <translation>افزودن عکس</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>حذف عکس</translation>
        </message>
        <message>
            <source>Photo %1 × %2, %3 KB</source>
            <translation>عکس %1 × %2، %3 کیلوبایت</translation>
        </message>
        <message>
            <source>Save with photo</source>
            <translation>ذخیره با عکس</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Purchases per month</source>
            <translation>خرید ماهانه</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>خریدها</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Search products</source>
            <translation>جستجوی کالا</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>بارکد</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>جستجو</translation>
        </message>
        <message>
            <source>No product with barcode %1</source>
            <translation>کالایی با بارکد %1 نیست</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>%1 موجود</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>ناموجود</translation>
        </message>
        <message>
            <source>Stock as of %1</source>
            <translation>موجودی تا %1</translation>
        </message>
        <message>
            <source>Add to order</source>
            <translation>افزودن به سفارش</translation>
        </message>
    </context>
    <context>
        <name>CreditBadge</name>
        <message>
            <source>Credit hold</source>
            <translation>توقف اعتباری</translation>
        </message>
        <message>
            <source>Credit warning</source>
            <translation>هشدار اعتباری</translation>
        </message>
        <message>
            <source>Credit OK</source>
            <translation>اعتبار خوب</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>یک مشتری انتخاب کنید</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>سفارش جدید</translation>
        </message>
        <message>
            <source>New quote</source>
            <translation>پیش‌فاکتور جدید</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>ویرایش</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>اعتبار</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>سقف اعتبار</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>بدهی جاری</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>مانده اعتبار</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>معوق</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>مهلت پرداخت</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>مشخصات</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>تلفن</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>ایمیل</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>یادداشت‌ها</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>نشانی</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>مخاطب</translation>
        </message>
        <message>
            <source>Purchases, last 12 months</source>
            <translation>خرید ۱۲ ماه اخیر</translation>
        </message>
        <message>
            <source>Open tickets</source>
            <translation>درخواست‌های باز</translation>
        </message>
        <message>
            <source>No open tickets</source>
            <translation>درخواست بازی نیست</translation>
        </message>
        <message>
            <source>History</source>
            <translation>سوابق</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>عکس</translation>
        </message>
    </context>
    <context>
        <name>CustomersPage</name>
        <message>
            <source>Search name, code, phone, city</source>
            <translation>جستجوی نام، کد، تلفن، شهر</translation>
        </message>
        <message>
            <source>New</source>
            <translation>جدید</translation>
        </message>
        <message>
            <source>Tickets: %1</source>
            <translation>درخواست: %1</translation>
        </message>
        <message>
            <source>No customers match</source>
            <translation>مشتری‌ای پیدا نشد</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>مشتری جدید</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>تلفن</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>ایمیل</translation>
        </message>
    </context>
    <context>
        <name>KioskShell</name>
        <message>
            <source>Walk-in customer</source>
            <translation>مشتری حضوری</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>خوش آمدید</translation>
        </message>
        <message>
            <source>Tap to order</source>
            <translation>برای سفارش لمس کنید</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>ناموجود</translation>
        </message>
        <message>
            <source>Thank you! Your order is saved.</source>
            <translation>سپاس! سفارش شما ثبت شد.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>سفارش جدید</translation>
        </message>
        <message>
            <source>Your cart</source>
            <translation>سبد شما</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>جمع کل</translation>
        </message>
        <message>
            <source>Checkout</source>
            <translation>پرداخت</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>کارکنان</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>رمز کارکنان</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>رمز</translation>
        </message>
        <message>
            <source>Wrong PIN</source>
            <translation>رمز نادرست است</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>Karvan</source>
            <translation>کاروان</translation>
        </message>
    </context>
    <context>
        <name>OrderPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>یک مشتری انتخاب کنید</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>مشتریان</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>سفارش</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>پیش‌فاکتور</translation>
        </message>
        <message>
            <source>Saved on this device, waiting to sync</source>
            <translation>روی این دستگاه ذخیره شد، در انتظار همگام‌سازی</translation>
        </message>
        <message>
            <source>Add products</source>
            <translation>افزودن کالا</translation>
        </message>
        <message>
            <source>Search products</source>
            <translation>جستجوی کالا</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>اقلام</translation>
        </message>
        <message>
            <source>Why?</source>
            <translation>چرا؟</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Check before submitting</source>
            <translation>پیش از ثبت بررسی کنید</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>جمع‌ها</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>خالص</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>مالیات</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>جمع کل</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>اعتبار</translation>
        </message>
        <message>
            <source>Save quote</source>
            <translation>ذخیره پیش‌فاکتور</translation>
        </message>
        <message>
            <source>Submit order</source>
            <translation>ثبت سفارش</translation>
        </message>
        <message>
            <source>%1 at HQ: %2</source>
            <translation>%1 در دفتر مرکزی: %2</translation>
        </message>
        <message>
            <source>HQ: %1</source>
            <translation>دفتر مرکزی: %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>تاریخ</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>معتبر تا</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>امضا شده</translation>
        </message>
        <message>
            <source>Convert to order</source>
            <translation>تبدیل به سفارش</translation>
        </message>
        <message>
            <source>Share as PDF</source>
            <translation>اشتراک‌گذاری به صورت PDF</translation>
        </message>
        <message>
            <source>Customer's signature</source>
            <translation>امضای مشتری</translation>
        </message>
    </context>
    <context>
        <name>PhoneShell</name>
        <message>
            <source>Today</source>
            <translation>امروز</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>مشتریان</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>مشتری</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>کاتالوگ</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>سفارش</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>درخواست‌ها</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>همگام‌سازی</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>تنظیمات</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>منو</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 در انتظار همگام‌سازی</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Account</source>
            <translation>حساب کاربری</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>سرور</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>نام کاربری</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>تقویم</translation>
        </message>
        <message>
            <source>Gregorian</source>
            <translation>میلادی</translation>
        </message>
        <message>
            <source>Solar Hijri (Jalali)</source>
            <translation>هجری شمسی (جلالی)</translation>
        </message>
        <message>
            <source>Hijri</source>
            <translation>هجری قمری</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>امروز</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>خروج</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 تغییر هنوز همگام نشده است. پیش از خروج همگام‌سازی کنید.</translation>
        </message>
        <message>
            <source>Everything is synced.</source>
            <translation>همه چیز همگام است.</translation>
        </message>
        <message>
            <source>Signed in as</source>
            <translation>وارد شده با نام</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>رمز عبور</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>در حال ورود…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>ورود</translation>
        </message>
        <message>
            <source>HQ's certificate file (optional)</source>
            <translation>پرونده گواهی دفتر مرکزی (اختیاری)</translation>
        </message>
        <message>
            <source>/path/to/ca.pem</source>
            <translation>/path/to/ca.pem</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>انتخاب…</translation>
        </message>
        <message>
            <source>HQ's certificate file</source>
            <translation>پرونده گواهی دفتر مرکزی</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>گواهی‌ها (*.pem *.crt)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>همه پرونده‌ها (*)</translation>
        </message>
        <message>
            <source>Automatic sync</source>
            <translation>همگام‌سازی خودکار</translation>
        </message>
        <message>
            <source>Sync every (minutes, 0 = off)</source>
            <translation>همگام‌سازی هر (دقیقه، ۰ = خاموش)</translation>
        </message>
        <message>
            <source>Also syncs when the app starts, shortly after you save a change, and when the network comes back.</source>
            <translation>همچنین هنگام آغاز برنامه، کمی پس از ذخیره یک تغییر و هنگام بازگشت شبکه همگام‌سازی می‌کند.</translation>
        </message>
        <message>
            <source>Kiosk mode</source>
            <translation>حالت کیوسک</translation>
        </message>
        <message>
            <source>The kiosk PIN is saved.</source>
            <translation>پین کیوسک ذخیره شد.</translation>
        </message>
        <message>
            <source>A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).</source>
            <translation>صفحه سفارش سلف‌سرویس برای فروشگاه. برای خروج از آن پین کیوسک (۴ تا ۸ رقم) لازم است.</translation>
        </message>
        <message>
            <source>Current PIN</source>
            <translation>پین کنونی</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>پین جدید</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>رمز</translation>
        </message>
        <message>
            <source>The PIN again</source>
            <translation>دوباره پین</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>تغییر پین</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>تعیین پین</translation>
        </message>
        <message>
            <source>Start kiosk mode</source>
            <translation>آغاز حالت کیوسک</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature pad</source>
            <translation>صفحه امضا</translation>
        </message>
        <message>
            <source>Customer signs here</source>
            <translation>مشتری اینجا امضا می‌کند</translation>
        </message>
        <message>
            <source>Optional: the customer's signature</source>
            <translation>اختیاری: امضای مشتری</translation>
        </message>
        <message>
            <source>Signed on this device</source>
            <translation>روی این دستگاه امضا شد</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>پاک کردن</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sync</source>
            <translation>همگام‌سازی</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>سرور</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>تنظیم نشده</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>آخرین همگام‌سازی</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>در انتظار همگام‌سازی</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>رد شده</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>تعارض‌ها</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>همگام‌سازی اکنون</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>در انتظار</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>کنار گذاشتن</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>چیزی در انتظار همگام‌سازی نیست</translation>
        </message>
        <message>
            <source>Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.</source>
            <translation>شخص دیگری هم این فیلدها را تغییر داده است. اکنون مقدار او نمایش داده می‌شود؛ آن را نگه دارید یا مقدار خود را دوباره اعمال کنید.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>قبلی</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>مال آن‌ها</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>مال من</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>نگه‌داشتن مقدار آن‌ها</translation>
        </message>
        <message>
            <source>Re-apply mine</source>
            <translation>اعمال دوبارهٔ مقدار من</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>حساب کاربری</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>وارد نشده‌اید</translation>
        </message>
        <message>
            <source>Sending changes</source>
            <translation>در حال ارسال تغییرات</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>رکوردها</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>داده</translation>
        </message>
        <message>
            <source>Sync failed: %1</source>
            <translation>همگام‌سازی ناموفق بود: %1</translation>
        </message>
        <message>
            <source>Sign in under Settings to sync with HQ.</source>
            <translation>برای همگام‌سازی با دفتر مرکزی، در تنظیمات وارد شوید.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>در حال همگام‌سازی…</translation>
        </message>
    </context>
    <context>
        <name>TabletShell</name>
        <message>
            <source>Today</source>
            <translation>امروز</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>مشتریان</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>مشتری</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>کاتالوگ</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>سفارش</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>درخواست‌ها</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>همگام‌سازی</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>تنظیمات</translation>
        </message>
        <message>
            <source>Karvan</source>
            <translation>کاروان</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 در انتظار همگام‌سازی</translation>
        </message>
        <message>
            <source>All synced</source>
            <translation>همه همگام است</translation>
        </message>
    </context>
    <context>
        <name>TicketsPage</name>
        <message>
            <source>Open tickets</source>
            <translation>درخواست‌های باز</translation>
        </message>
        <message>
            <source>New ticket</source>
            <translation>درخواست جدید</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>یادداشت</translation>
        </message>
        <message>
            <source>Write a comment</source>
            <translation>یادداشت بنویسید</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>ارسال</translation>
        </message>
        <message>
            <source>New ticket for %1</source>
            <translation>درخواست جدید برای %1</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>جزئیات</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Sync</source>
            <translation>همگام‌سازی</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>در انتظار همگام‌سازی</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>رد شده</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>آخرین همگام‌سازی</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>هشدارها</translation>
        </message>
        <message>
            <source>No alerts</source>
            <translation>هشداری نیست</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>بازدیدها</translation>
        </message>
        <message>
            <source>No visits planned</source>
            <translation>بازدیدی برنامه‌ریزی نشده</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>در حال همگام‌سازی…</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::ActivityPhoto</name>
        <message>
            <source>The photo is empty.</source>
            <translation>عکس خالی است.</translation>
        </message>
        <message>
            <source>The photo could not be encoded: %1</source>
            <translation>عکس کدگذاری نشد: %1</translation>
        </message>
        <message>
            <source>The photo is too large.</source>
            <translation>عکس بیش از حد بزرگ است.</translation>
        </message>
        <message>
            <source>There is no file %1.</source>
            <translation>فایل %1 وجود ندارد.</translation>
        </message>
        <message>
            <source>%1 is too large for a photo.</source>
            <translation>%1 برای یک عکس بیش از حد بزرگ است.</translation>
        </message>
        <message>
            <source>%1 has too many pixels for a photo.</source>
            <translation>%1 برای یک عکس پیکسل‌های زیادی دارد.</translation>
        </message>
        <message>
            <source>%1 is not a picture this device can read.</source>
            <translation>%1 تصویری نیست که این دستگاه بتواند بخواند.</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::AppSettings</name>
        <message>
            <source>The current PIN is wrong</source>
            <translation>پین کنونی نادرست است</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 8 digits</source>
            <translation>پین باید ۴ تا ۸ رقم باشد</translation>
        </message>
        <message>
            <source>The two PINs are not the same</source>
            <translation>دو پین یکسان نیستند</translation>
        </message>
        <message>
            <source>Set a kiosk PIN first: it is needed to leave kiosk mode</source>
            <translation>نخست پین کیوسک را تعیین کنید: برای خروج از حالت کیوسک لازم است</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::DeviceSession</name>
        <message>
            <source>Draft</source>
            <translation>پیش‌نویس</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>در انتظار همگام‌سازی</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>تأیید شده</translation>
        </message>
        <message>
            <source>Credit hold</source>
            <translation>توقف اعتباری</translation>
        </message>
        <message>
            <source>Backordered</source>
            <translation>در انتظار موجودی</translation>
        </message>
        <message>
            <source>Partly allocated</source>
            <translation>تخصیص ناقص</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>رد شده</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>لغو شده</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>تحویل شده</translation>
        </message>
        <message>
            <source>Invoiced</source>
            <translation>فاکتور شده</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>تبدیل شده</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>منقضی</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>بازدید</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>تماس</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>یادداشت</translation>
        </message>
        <message>
            <source>never</source>
            <translation>هرگز</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 روز</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>بدون سقف</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>پیش‌فاکتور</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>سفارش</translation>
        </message>
        <message>
            <source>(pending)</source>
            <translation>(در انتظار)</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>فاکتور</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>پرداخت شده</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>معوق</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>باز</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>پرداخت</translation>
        </message>
        <message>
            <source>Over credit limit: exposure %1</source>
            <translation>بیش از سقف اعتبار: بدهی %1</translation>
        </message>
        <message>
            <source>Near credit limit: exposure %1</source>
            <translation>نزدیک سقف اعتبار: بدهی %1</translation>
        </message>
        <message>
            <source>Invoice %1 overdue since %2: %3</source>
            <translation>فاکتور %1 از %2 معوق است: %3</translation>
        </message>
        <message>
            <source>Low stock: %1 available</source>
            <translation>موجودی کم: %1 موجود</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>در حال انجام</translation>
        </message>
        <message>
            <source>Waiting on customer</source>
            <translation>در انتظار مشتری</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>حل شده</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>بسته</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>تلفن</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>ایمیل</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>یادداشت‌ها</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>مخاطبان</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>نشانی</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(خالی)</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(نامعلوم)</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 مگابایت</translation>
        </message>
        <message>
            <source>%1 / %2 records</source>
            <translation>%1 / %2 رکورد</translation>
        </message>
        <message>
            <source>%1 records</source>
            <translation>%1 رکورد</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts</source>
            <translation>%1 تغییر فرستاده شد (%2 رد شد)، %3 رکورد دریافت شد، %4 تعارض تازه</translation>
        </message>
        <message>
            <source>Automatic sync off</source>
            <translation>همگام‌سازی خودکار خاموش است</translation>
        </message>
        <message>
            <source>Next automatic sync at %1</source>
            <translation>همگام‌سازی خودکار بعدی در %1</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>سرور باید نشانی‌ای مانند https://hq.example.com:8443 باشد</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>رمز عبور هرگز با http ساده به دستگاه دیگری فرستاده نمی‌شود: از https استفاده کنید</translation>
        </message>
        <message>
            <source>The certificate file cannot be read or holds no certificate</source>
            <translation>پرونده گواهی خوانده نمی‌شود یا گواهی‌ای در آن نیست</translation>
        </message>
        <message>
            <source>HQ's server refused the connection: it may be down or the address wrong</source>
            <translation>سرور دفتر مرکزی اتصال را نپذیرفت: شاید خاموش باشد یا نشانی نادرست باشد</translation>
        </message>
        <message>
            <source>HQ's server was not found: check the address and the network</source>
            <translation>سرور دفتر مرکزی پیدا نشد: نشانی و شبکه را بررسی کنید</translation>
        </message>
        <message>
            <source>HQ did not answer in time: check the network and try again</source>
            <translation>دفتر مرکزی به‌موقع پاسخ نداد: شبکه را بررسی کنید و دوباره تلاش کنید</translation>
        </message>
        <message>
            <source>The connection to HQ broke: check the network and try again</source>
            <translation>اتصال به دفتر مرکزی قطع شد: شبکه را بررسی کنید و دوباره تلاش کنید</translation>
        </message>
        <message>
            <source>HQ's certificate is not trusted: choose HQ's certificate file (CA) in Settings</source>
            <translation>گواهی دفتر مرکزی مورد اعتماد نیست: پرونده گواهی دفتر مرکزی (CA) را در تنظیمات برگزینید</translation>
        </message>
        <message>
            <source>A secure connection to HQ could not be made: check the address and the device's date</source>
            <translation>اتصال امن به دفتر مرکزی برقرار نشد: نشانی و تاریخ دستگاه را بررسی کنید</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>نام کاربری یا رمز عبور نادرست است</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>برای همگام‌سازی وارد شوید (تنظیمات)</translation>
        </message>
        <message>
            <source>HQ no longer accepts this device's sign-in: sign in again</source>
            <translation>دفتر مرکزی دیگر ورود این دستگاه را نمی‌پذیرد: دوباره وارد شوید</translation>
        </message>
        <message>
            <source>HQ revoked this device; its local data was removed. Sign in again.</source>
            <translation>دفتر مرکزی این دستگاه را باطل کرد؛ داده‌های محلی آن پاک شد. دوباره وارد شوید.</translation>
        </message>
        <message>
            <source>HQ's server had a problem: try again later</source>
            <translation>سرور دفتر مرکزی دچار مشکل شد: بعداً دوباره تلاش کنید</translation>
        </message>
        <message>
            <source>HQ refused the request</source>
            <translation>دفتر مرکزی درخواست را نپذیرفت</translation>
        </message>
        <message>
            <source>HQ's answer could not be understood: the app may need an update</source>
            <translation>پاسخ دفتر مرکزی فهمیده نشد: شاید برنامه به‌روزرسانی لازم داشته باشد</translation>
        </message>
        <message>
            <source>Changes by another user on this device are not synced yet: sign in as that user and sync first</source>
            <translation>تغییرات کاربر دیگری روی این دستگاه هنوز همگام نشده است: نخست با آن کاربر وارد شوید و همگام‌سازی کنید</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>یک همگام‌سازی در حال اجراست</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::OrderEditor</name>
        <message>
            <source>List price</source>
            <translation>قیمت پایه</translation>
        </message>
        <message>
            <source>Price list</source>
            <translation>فهرست قیمت</translation>
        </message>
        <message>
            <source>Volume tier</source>
            <translation>پله حجمی</translation>
        </message>
        <message>
            <source>Customer price</source>
            <translation>قیمت ویژه مشتری</translation>
        </message>
        <message>
            <source>Promotion</source>
            <translation>تخفیف ویژه</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>مالیات</translation>
        </message>
        <message>
            <source>Credit hold: this order takes the account to %1, over its limit of %2</source>
            <translation>توقف اعتباری: با این سفارش بدهی به %1 می‌رسد، بیش از سقف %2</translation>
        </message>
        <message>
            <source>Near the credit limit: %1 of %2 after this order</source>
            <translation>نزدیک سقف اعتبار: پس از این سفارش %1 از %2</translation>
        </message>
        <message>
            <source>The account is on credit hold at head office</source>
            <translation>حساب در دفتر مرکزی توقف اعتباری دارد</translation>
        </message>
        <message>
            <source>%1 overdue, oldest %2 days</source>
            <translation>%1 معوق، قدیمی‌ترین %2 روز</translation>
        </message>
        <message>
            <source>incl.</source>
            <translation>با احتساب</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>موجود</translation>
        </message>
        <message>
            <source>Only %1 available (as of %2)</source>
            <translation>فقط %1 موجود (تا %2)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>نامعلوم</translation>
        </message>
        <message>
            <source>%1: %2 short</source>
            <translation>%1: %2 کسری</translation>
        </message>
        <message>
            <source>Exposure %1 · limit %2</source>
            <translation>بدهی %1 · سقف %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ندارد</translation>
        </message>
        <message>
            <source>Saved, but the signature was not stored: %1</source>
            <translation>ذخیره شد، اما امضا ذخیره نشد: %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::SavedDocumentView</name>
        <message>
            <source>(pending)</source>
            <translation>(در انتظار)</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>پیش‌فاکتور %1</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>سفارش %1</translation>
        </message>
        <message>
            <source>This quote is already converted to an order.</source>
            <translation>این پیش‌فاکتور قبلاً به سفارش تبدیل شده است.</translation>
        </message>
        <message>
            <source>HQ rejected this quote.</source>
            <translation>دفتر مرکزی این پیش‌فاکتور را رد کرد.</translation>
        </message>
        <message>
            <source>HQ rejected this quote: %1</source>
            <translation>دفتر مرکزی این پیش‌فاکتور را رد کرد: %1</translation>
        </message>
        <message>
            <source>This quote was cancelled.</source>
            <translation>این پیش‌فاکتور لغو شده است.</translation>
        </message>
        <message>
            <source>This quote expired on %1.</source>
            <translation>اعتبار این پیش‌فاکتور در %1 به پایان رسید.</translation>
        </message>
        <message>
            <source>This quote has expired.</source>
            <translation>اعتبار این پیش‌فاکتور به پایان رسیده است.</translation>
        </message>
        <message>
            <source>This quote has no lines.</source>
            <translation>این پیش‌فاکتور هیچ ردیفی ندارد.</translation>
        </message>
        <message>
            <source>Not converted: %1</source>
            <translation>تبدیل نشد: %1</translation>
        </message>
        <message>
            <source>Order made from quote %1, saved on this device, waiting to sync.</source>
            <translation>سفارش از پیش‌فاکتور %1 ساخته شد، روی این دستگاه ذخیره شد و در انتظار همگام‌سازی است.</translation>
        </message>
        <message>
            <source>Cannot create the folder %1</source>
            <translation>پوشه %1 ساخته نشد</translation>
        </message>
        <message>
            <source>The PDF was not written: %1</source>
            <translation>فایل PDF نوشته نشد: %1</translation>
        </message>
        <message>
            <source>Saved as %1</source>
            <translation>ذخیره شد در %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>پایگاه داده دستگاه باز نیست</translation>
        </message>
        <message>
            <source>Enter your login</source>
            <translation>نام کاربری خود را وارد کنید</translation>
        </message>
        <message>
            <source>Enter your password</source>
            <translation>رمز عبور خود را وارد کنید</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 تغییر هنوز همگام نشده است. پیش از خروج همگام‌سازی کنید.</translation>
        </message>
        <message>
            <source>Enter the server's address</source>
            <translation>نشانی سرور را وارد کنید</translation>
        </message>
    </context>
</TS>