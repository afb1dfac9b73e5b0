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
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>پایگاه داده دستگاه باز نیست</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>سرور باید نشانی‌ای مانند https://hq.example.com:8443 باشد</translation>
        </message>
        <message>
            <source>The server address must not have a path</source>
            <translation>نشانی سرور نباید مسیر داشته باشد</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>رمز عبور هرگز با http ساده به دستگاه دیگری فرستاده نمی‌شود: از https استفاده کنید</translation>
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
            <source>The certificate file %1 cannot be read</source>
            <translation>فایل گواهی %1 خوانده نمی‌شود</translation>
        </message>
        <message>
            <source>This device holds %1 unsynced changes by %2: sign in as %2 and sync first</source>
            <translation>این دستگاه %1 تغییر همگام‌نشده از %2 دارد: ابتدا با %2 وارد شوید و همگام‌سازی کنید</translation>
        </message>
        <message>
            <source>Cannot reach HQ at %1: %2</source>
            <translation>دسترسی به دفتر مرکزی در %1 ممکن نیست: %2</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>نام کاربری یا رمز عبور نادرست است</translation>
        </message>
        <message>
            <source>HQ refused the sign-in: %1</source>
            <translation>دفتر مرکزی ورود را نپذیرفت: %1</translation>
        </message>
        <message>
            <source>HQ's answer to the sign-in has no token</source>
            <translation>پاسخ دفتر مرکزی به ورود، توکن ندارد</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>وارد نشده‌اید</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 تغییر هنوز همگام نشده است. پیش از خروج همگام‌سازی کنید.</translation>
        </message>
        <message>
            <source>Cannot read the session</source>
            <translation>خواندن نشست ممکن نیست</translation>
        </message>
        <message>
            <source>Cannot reach HQ: %1</source>
            <translation>دسترسی به دفتر مرکزی ممکن نیست: %1</translation>
        </message>
        <message>
            <source>HQ refused the sign-out: %1</source>
            <translation>دفتر مرکزی خروج را نپذیرفت: %1</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>یک همگام‌سازی در حال اجراست</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>برای همگام‌سازی وارد شوید (تنظیمات)</translation>
        </message>
    </context>
</TS>