<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Log for %1</source>
            <translation>تسجيل لـ %1</translation>
        </message>
        <message>
            <source>Choose a customer first</source>
            <translation>اختر عميلًا أولًا</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>زيارة</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>مكالمة</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>الدقائق</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>الأحدث</translation>
        </message>
        <message>
            <source>Choose a photo</source>
            <translation>اختر صورة</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>الصور (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Take a photo</source>
            <translation>التقط صورة</translation>
        </message>
        <message>
            <source>No camera found. Choose a picture file instead.</source>
            <translation>لم يُعثر على كاميرا. اختر ملف صورة بدلًا من ذلك.</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>من ملف</translation>
        </message>
        <message>
            <source>Take photo</source>
            <translation>التقاط</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>استبدال الصورة</translation>
        </message>
        <message>
            <source>Add photo</source>
            <translation>إضافة صورة</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>إزالة الصورة</translation>
        </message>
        <message>
            <source>Photo %1 × %2, %3 KB</source>
            <translation>صورة %1 × %2، %3 كيلوبايت</translation>
        </message>
        <message>
            <source>Save with photo</source>
            <translation>حفظ مع الصورة</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Purchases per month</source>
            <translation>المشتريات شهرياً</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>المشتريات</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Search products</source>
            <translation>ابحث عن منتج</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>الباركود</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>بحث</translation>
        </message>
        <message>
            <source>No product with barcode %1</source>
            <translation>لا منتج بالباركود %1</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>%1 متوفر</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>نفد المخزون</translation>
        </message>
        <message>
            <source>Stock as of %1</source>
            <translation>المخزون حتى %1</translation>
        </message>
        <message>
            <source>Add to order</source>
            <translation>أضف إلى الطلب</translation>
        </message>
    </context>
    <context>
        <name>CreditBadge</name>
        <message>
            <source>Credit hold</source>
            <translation>إيقاف ائتماني</translation>
        </message>
        <message>
            <source>Credit warning</source>
            <translation>تحذير ائتماني</translation>
        </message>
        <message>
            <source>Credit OK</source>
            <translation>الائتمان سليم</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>اختر عميلًا</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>طلب جديد</translation>
        </message>
        <message>
            <source>New quote</source>
            <translation>عرض سعر جديد</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>تعديل</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>الائتمان</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>الحد الائتماني</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>المديونية</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>المتاح</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>متأخر</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>شروط الدفع</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>الملف</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>الهاتف</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>البريد الإلكتروني</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>جهة الاتصال</translation>
        </message>
        <message>
            <source>Purchases, last 12 months</source>
            <translation>المشتريات، آخر ١٢ شهرًا</translation>
        </message>
        <message>
            <source>Open tickets</source>
            <translation>التذاكر المفتوحة</translation>
        </message>
        <message>
            <source>No open tickets</source>
            <translation>لا تذاكر مفتوحة</translation>
        </message>
        <message>
            <source>History</source>
            <translation>السجل</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>الأنشطة</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>صورة</translation>
        </message>
    </context>
    <context>
        <name>CustomersPage</name>
        <message>
            <source>Search name, code, phone, city</source>
            <translation>ابحث بالاسم أو الرمز أو الهاتف أو المدينة</translation>
        </message>
        <message>
            <source>New</source>
            <translation>جديد</translation>
        </message>
        <message>
            <source>Tickets: %1</source>
            <translation>تذاكر: %1</translation>
        </message>
        <message>
            <source>No customers match</source>
            <translation>لا يوجد عملاء مطابقون</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>عميل جديد</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>الهاتف</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>البريد الإلكتروني</translation>
        </message>
    </context>
    <context>
        <name>KioskShell</name>
        <message>
            <source>Walk-in customer</source>
            <translation>عميل حضوري</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>أهلًا بك</translation>
        </message>
        <message>
            <source>Tap to order</source>
            <translation>المس للطلب</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>نفد المخزون</translation>
        </message>
        <message>
            <source>Thank you! Your order is saved.</source>
            <translation>شكرًا! تم حفظ طلبك.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>طلب جديد</translation>
        </message>
        <message>
            <source>Your cart</source>
            <translation>سلتك</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>الإجمالي</translation>
        </message>
        <message>
            <source>Checkout</source>
            <translation>الدفع</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>الموظفون</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>رمز الموظفين</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>الرمز</translation>
        </message>
        <message>
            <source>Wrong PIN</source>
            <translation>رمز خاطئ</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>Karvan</source>
            <translation>كاروان</translation>
        </message>
    </context>
    <context>
        <name>OrderPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>اختر عميلًا</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>العملاء</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>الطلب</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>عرض سعر</translation>
        </message>
        <message>
            <source>Saved on this device, waiting to sync</source>
            <translation>حُفظ على هذا الجهاز، بانتظار المزامنة</translation>
        </message>
        <message>
            <source>Add products</source>
            <translation>إضافة منتجات</translation>
        </message>
        <message>
            <source>Search products</source>
            <translation>ابحث عن منتج</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>البنود</translation>
        </message>
        <message>
            <source>Why?</source>
            <translation>لماذا؟</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>إزالة</translation>
        </message>
        <message>
            <source>Check before submitting</source>
            <translation>راجِع قبل الإرسال</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>الإجماليات</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>الصافي</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>الضريبة</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>الإجمالي</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>الائتمان</translation>
        </message>
        <message>
            <source>Save quote</source>
            <translation>حفظ عرض السعر</translation>
        </message>
        <message>
            <source>Submit order</source>
            <translation>إرسال الطلب</translation>
        </message>
        <message>
            <source>%1 at HQ: %2</source>
            <translation>%1 في المقر: %2</translation>
        </message>
        <message>
            <source>HQ: %1</source>
            <translation>المقر: %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>صالح حتى</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>موقَّع</translation>
        </message>
        <message>
            <source>Convert to order</source>
            <translation>تحويل إلى طلب</translation>
        </message>
        <message>
            <source>Share as PDF</source>
            <translation>مشاركة كملف PDF</translation>
        </message>
        <message>
            <source>Customer's signature</source>
            <translation>توقيع العميل</translation>
        </message>
    </context>
    <context>
        <name>PhoneShell</name>
        <message>
            <source>Today</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>العملاء</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>العميل</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>الكتالوج</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>الطلب</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>التذاكر</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>الأنشطة</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>المزامنة</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>القائمة</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 بانتظار المزامنة</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Account</source>
            <translation>الحساب</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>الخادم</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>اسم الدخول</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>التقويم</translation>
        </message>
        <message>
            <source>Gregorian</source>
            <translation>ميلادي</translation>
        </message>
        <message>
            <source>Solar Hijri (Jalali)</source>
            <translation>هجري شمسي (جلالي)</translation>
        </message>
        <message>
            <source>Hijri</source>
            <translation>هجري</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>تسجيل الخروج</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 تغييرات لم تُزامَن بعد. زامِن قبل تسجيل الخروج.</translation>
        </message>
        <message>
            <source>Everything is synced.</source>
            <translation>تمت مزامنة كل شيء.</translation>
        </message>
        <message>
            <source>Signed in as</source>
            <translation>تم تسجيل الدخول باسم</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>كلمة المرور</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>جارٍ تسجيل الدخول…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>تسجيل الدخول</translation>
        </message>
        <message>
            <source>HQ's certificate file (optional)</source>
            <translation>ملف شهادة المقر (اختياري)</translation>
        </message>
        <message>
            <source>/path/to/ca.pem</source>
            <translation>/path/to/ca.pem</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>اختيار…</translation>
        </message>
        <message>
            <source>HQ's certificate file</source>
            <translation>ملف شهادة المقر</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>الشهادات (*.pem *.crt)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>كل الملفات (*)</translation>
        </message>
        <message>
            <source>Automatic sync</source>
            <translation>المزامنة التلقائية</translation>
        </message>
        <message>
            <source>Sync every (minutes, 0 = off)</source>
            <translation>المزامنة كل (دقائق، 0 = إيقاف)</translation>
        </message>
        <message>
            <source>Also syncs when the app starts, shortly after you save a change, and when the network comes back.</source>
            <translation>تتم المزامنة أيضًا عند بدء التطبيق، وبعد حفظ أي تغيير بقليل، وعند عودة الشبكة.</translation>
        </message>
        <message>
            <source>Kiosk mode</source>
            <translation>وضع الكشك</translation>
        </message>
        <message>
            <source>The kiosk PIN is saved.</source>
            <translation>تم حفظ رمز PIN للكشك.</translation>
        </message>
        <message>
            <source>A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).</source>
            <translation>شاشة طلب ذاتي للمتجر. يتطلب الخروج منها رمز PIN للكشك (من 4 إلى 8 أرقام).</translation>
        </message>
        <message>
            <source>Current PIN</source>
            <translation>رمز PIN الحالي</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>رمز PIN الجديد</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>الرمز</translation>
        </message>
        <message>
            <source>The PIN again</source>
            <translation>رمز PIN مرة أخرى</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>تغيير رمز PIN</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>تعيين رمز PIN</translation>
        </message>
        <message>
            <source>Start kiosk mode</source>
            <translation>بدء وضع الكشك</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature pad</source>
            <translation>لوحة التوقيع</translation>
        </message>
        <message>
            <source>Customer signs here</source>
            <translation>يوقّع العميل هنا</translation>
        </message>
        <message>
            <source>Optional: the customer's signature</source>
            <translation>اختياري: توقيع العميل</translation>
        </message>
        <message>
            <source>Signed on this device</source>
            <translation>تم التوقيع على هذا الجهاز</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>مسح</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sync</source>
            <translation>المزامنة</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>الخادم</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>غير محدد</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>آخر مزامنة</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>بانتظار المزامنة</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>مرفوض</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>التعارضات</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>زامِن الآن</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>بالانتظار</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>تجاهل</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>لا شيء بانتظار المزامنة</translation>
        </message>
        <message>
            <source>Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.</source>
            <translation>غيّر شخص آخر هذه الحقول أيضًا. تظهر قيمته الآن؛ أبقِ عليها أو أعد تطبيق قيمتك.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>السابق</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>قيمتهم</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>قيمتي</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>الإبقاء على قيمتهم</translation>
        </message>
        <message>
            <source>Re-apply mine</source>
            <translation>إعادة تطبيق قيمتي</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>الحساب</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>لم يتم تسجيل الدخول</translation>
        </message>
        <message>
            <source>Sending changes</source>
            <translation>جارٍ إرسال التغييرات</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>السجلات</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>البيانات</translation>
        </message>
        <message>
            <source>Sync failed: %1</source>
            <translation>فشلت المزامنة: %1</translation>
        </message>
        <message>
            <source>Sign in under Settings to sync with HQ.</source>
            <translation>سجّل الدخول من الإعدادات للمزامنة مع المقر.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>جارٍ المزامنة…</translation>
        </message>
    </context>
    <context>
        <name>TabletShell</name>
        <message>
            <source>Today</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>العملاء</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>العميل</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>الكتالوج</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>الطلب</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>التذاكر</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>الأنشطة</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>المزامنة</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>Karvan</source>
            <translation>كاروان</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 بانتظار المزامنة</translation>
        </message>
        <message>
            <source>All synced</source>
            <translation>تمت مزامنة الكل</translation>
        </message>
    </context>
    <context>
        <name>TicketsPage</name>
        <message>
            <source>Open tickets</source>
            <translation>التذاكر المفتوحة</translation>
        </message>
        <message>
            <source>New ticket</source>
            <translation>تذكرة جديدة</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>إخفاء</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>تعليق</translation>
        </message>
        <message>
            <source>Write a comment</source>
            <translation>اكتب تعليقًا</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>إرسال</translation>
        </message>
        <message>
            <source>New ticket for %1</source>
            <translation>تذكرة جديدة لـ %1</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>التفاصيل</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Sync</source>
            <translation>المزامنة</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>بانتظار المزامنة</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>مرفوض</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>آخر مزامنة</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>تنبيهات</translation>
        </message>
        <message>
            <source>No alerts</source>
            <translation>لا تنبيهات</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>الزيارات</translation>
        </message>
        <message>
            <source>No visits planned</source>
            <translation>لا زيارات مخططة</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>جارٍ المزامنة…</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::ActivityPhoto</name>
        <message>
            <source>The photo is empty.</source>
            <translation>الصورة فارغة.</translation>
        </message>
        <message>
            <source>The photo could not be encoded: %1</source>
            <translation>تعذّر ترميز الصورة: %1</translation>
        </message>
        <message>
            <source>The photo is too large.</source>
            <translation>الصورة كبيرة جدًا.</translation>
        </message>
        <message>
            <source>There is no file %1.</source>
            <translation>لا يوجد ملف %1.</translation>
        </message>
        <message>
            <source>%1 is too large for a photo.</source>
            <translation>%1 كبير جدًا لصورة.</translation>
        </message>
        <message>
            <source>%1 has too many pixels for a photo.</source>
            <translation>%1 يحتوي على عدد كبير جدًا من البكسلات لصورة.</translation>
        </message>
        <message>
            <source>%1 is not a picture this device can read.</source>
            <translation>%1 ليس صورة يمكن لهذا الجهاز قراءتها.</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::AppSettings</name>
        <message>
            <source>The current PIN is wrong</source>
            <translation>رمز PIN الحالي خاطئ</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 8 digits</source>
            <translation>يجب أن يتكون رمز PIN من 4 إلى 8 أرقام</translation>
        </message>
        <message>
            <source>The two PINs are not the same</source>
            <translation>رمزا PIN غير متطابقين</translation>
        </message>
        <message>
            <source>Set a kiosk PIN first: it is needed to leave kiosk mode</source>
            <translation>عيّن رمز PIN للكشك أولًا: فهو مطلوب للخروج من وضع الكشك</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::DeviceSession</name>
        <message>
            <source>Draft</source>
            <translation>مسودة</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>بانتظار المزامنة</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>مؤكد</translation>
        </message>
        <message>
            <source>Credit hold</source>
            <translation>إيقاف ائتماني</translation>
        </message>
        <message>
            <source>Backordered</source>
            <translation>طلب مؤجل</translation>
        </message>
        <message>
            <source>Partly allocated</source>
            <translation>مخصص جزئيًا</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>مرفوض</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>ملغى</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>تم التسليم</translation>
        </message>
        <message>
            <source>Invoiced</source>
            <translation>مفوتر</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>محوّل</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>منتهي</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>زيارة</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>مكالمة</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>never</source>
            <translation>أبدًا</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 يومًا</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>بلا حد</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>عرض سعر</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>الطلب</translation>
        </message>
        <message>
            <source>(pending)</source>
            <translation>(قيد الانتظار)</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>فاتورة</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>مدفوعة</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>متأخر</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>مفتوحة</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>دفعة</translation>
        </message>
        <message>
            <source>Over credit limit: exposure %1</source>
            <translation>تجاوز الحد الائتماني: المديونية %1</translation>
        </message>
        <message>
            <source>Near credit limit: exposure %1</source>
            <translation>قرب الحد الائتماني: المديونية %1</translation>
        </message>
        <message>
            <source>Invoice %1 overdue since %2: %3</source>
            <translation>الفاتورة %1 متأخرة منذ %2: %3</translation>
        </message>
        <message>
            <source>Low stock: %1 available</source>
            <translation>مخزون منخفض: %1 متوفر</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>قيد التنفيذ</translation>
        </message>
        <message>
            <source>Waiting on customer</source>
            <translation>بانتظار العميل</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>تم الحل</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>مغلقة</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>الهاتف</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>البريد الإلكتروني</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>جهات الاتصال</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(فارغ)</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(غير معروف)</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 ميغابايت</translation>
        </message>
        <message>
            <source>%1 / %2 records</source>
            <translation>%1 / %2 سجل</translation>
        </message>
        <message>
            <source>%1 records</source>
            <translation>%1 سجل</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts</source>
            <translation>أُرسل %1 تغييرات (%2 مرفوضة)، واستُلم %3 سجلات، و%4 تعارضات جديدة</translation>
        </message>
        <message>
            <source>Automatic sync off</source>
            <translation>المزامنة التلقائية متوقفة</translation>
        </message>
        <message>
            <source>Next automatic sync at %1</source>
            <translation>المزامنة التلقائية التالية في %1</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>يجب أن يكون الخادم عنوانًا مثل https://hq.example.com:8443</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>لا تُرسَل كلمة المرور أبدًا عبر http غير المشفّر إلى جهاز آخر: استخدم https</translation>
        </message>
        <message>
            <source>The certificate file cannot be read or holds no certificate</source>
            <translation>لا يمكن قراءة ملف الشهادة أو أنه لا يحتوي على شهادة</translation>
        </message>
        <message>
            <source>HQ's server refused the connection: it may be down or the address wrong</source>
            <translation>رفض خادم المقر الاتصال: قد يكون متوقفًا أو العنوان خاطئًا</translation>
        </message>
        <message>
            <source>HQ's server was not found: check the address and the network</source>
            <translation>لم يُعثر على خادم المقر: تحقق من العنوان والشبكة</translation>
        </message>
        <message>
            <source>HQ did not answer in time: check the network and try again</source>
            <translation>لم يُجب المقر في الوقت المحدد: تحقق من الشبكة وحاول مرة أخرى</translation>
        </message>
        <message>
            <source>The connection to HQ broke: check the network and try again</source>
            <translation>انقطع الاتصال بالمقر: تحقق من الشبكة وحاول مرة أخرى</translation>
        </message>
        <message>
            <source>HQ's certificate is not trusted: choose HQ's certificate file (CA) in Settings</source>
            <translation>شهادة المقر غير موثوقة: اختر ملف شهادة المقر (CA) في الإعدادات</translation>
        </message>
        <message>
            <source>A secure connection to HQ could not be made: check the address and the device's date</source>
            <translation>تعذر إنشاء اتصال آمن بالمقر: تحقق من العنوان وتاريخ الجهاز</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>اسم المستخدم أو كلمة المرور غير صحيحة</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>سجّل الدخول للمزامنة (الإعدادات)</translation>
        </message>
        <message>
            <source>HQ no longer accepts this device's sign-in: sign in again</source>
            <translation>لم يعد المقر يقبل تسجيل دخول هذا الجهاز: سجّل الدخول مرة أخرى</translation>
        </message>
        <message>
            <source>HQ revoked this device; its local data was removed. Sign in again.</source>
            <translation>ألغى المقر هذا الجهاز؛ وحُذفت بياناته المحلية. سجّل الدخول مرة أخرى.</translation>
        </message>
        <message>
            <source>HQ's server had a problem: try again later</source>
            <translation>واجه خادم المقر مشكلة: حاول مرة أخرى لاحقًا</translation>
        </message>
        <message>
            <source>HQ refused the request</source>
            <translation>رفض المقر الطلب</translation>
        </message>
        <message>
            <source>HQ's answer could not be understood: the app may need an update</source>
            <translation>تعذر فهم رد المقر: قد يحتاج التطبيق إلى تحديث</translation>
        </message>
        <message>
            <source>Changes by another user on this device are not synced yet: sign in as that user and sync first</source>
            <translation>تغييرات مستخدم آخر على هذا الجهاز لم تُزامن بعد: سجّل الدخول بذلك المستخدم وزامن أولًا</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>هناك مزامنة قيد التشغيل بالفعل</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::OrderEditor</name>
        <message>
            <source>List price</source>
            <translation>سعر القائمة</translation>
        </message>
        <message>
            <source>Price list</source>
            <translation>قائمة الأسعار</translation>
        </message>
        <message>
            <source>Volume tier</source>
            <translation>شريحة الكمية</translation>
        </message>
        <message>
            <source>Customer price</source>
            <translation>سعر العميل</translation>
        </message>
        <message>
            <source>Promotion</source>
            <translation>عرض ترويجي</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>الضريبة</translation>
        </message>
        <message>
            <source>Credit hold: this order takes the account to %1, over its limit of %2</source>
            <translation>إيقاف ائتماني: هذا الطلب يرفع الرصيد إلى %1، فوق الحد %2</translation>
        </message>
        <message>
            <source>Near the credit limit: %1 of %2 after this order</source>
            <translation>قرب الحد الائتماني: %1 من %2 بعد هذا الطلب</translation>
        </message>
        <message>
            <source>The account is on credit hold at head office</source>
            <translation>الحساب موقوف ائتمانيًا لدى المقر الرئيسي</translation>
        </message>
        <message>
            <source>%1 overdue, oldest %2 days</source>
            <translation>%1 متأخر، أقدمها %2 يومًا</translation>
        </message>
        <message>
            <source>incl.</source>
            <translation>شامل</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>متوفر</translation>
        </message>
        <message>
            <source>Only %1 available (as of %2)</source>
            <translation>المتوفر %1 فقط (حتى %2)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>غير معروف</translation>
        </message>
        <message>
            <source>%1: %2 short</source>
            <translation>%1: نقص %2</translation>
        </message>
        <message>
            <source>Exposure %1 · limit %2</source>
            <translation>المديونية %1 · الحد %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا يوجد</translation>
        </message>
        <message>
            <source>Saved, but the signature was not stored: %1</source>
            <translation>تم الحفظ، لكن لم يُخزَّن التوقيع: %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::SavedDocumentView</name>
        <message>
            <source>(pending)</source>
            <translation>(قيد الانتظار)</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>عرض سعر %1</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>طلب %1</translation>
        </message>
        <message>
            <source>This quote is already converted to an order.</source>
            <translation>تم تحويل عرض السعر هذا إلى طلب بالفعل.</translation>
        </message>
        <message>
            <source>HQ rejected this quote.</source>
            <translation>رفض المقر الرئيسي عرض السعر هذا.</translation>
        </message>
        <message>
            <source>HQ rejected this quote: %1</source>
            <translation>رفض المقر الرئيسي عرض السعر هذا: %1</translation>
        </message>
        <message>
            <source>This quote was cancelled.</source>
            <translation>تم إلغاء عرض السعر هذا.</translation>
        </message>
        <message>
            <source>This quote expired on %1.</source>
            <translation>انتهت صلاحية عرض السعر هذا في %1.</translation>
        </message>
        <message>
            <source>This quote has expired.</source>
            <translation>انتهت صلاحية عرض السعر هذا.</translation>
        </message>
        <message>
            <source>This quote has no lines.</source>
            <translation>لا يحتوي عرض السعر هذا على أي بنود.</translation>
        </message>
        <message>
            <source>Not converted: %1</source>
            <translation>لم يتم التحويل: %1</translation>
        </message>
        <message>
            <source>Order made from quote %1, saved on this device, waiting to sync.</source>
            <translation>تم إنشاء الطلب من عرض السعر %1، وحُفظ على هذا الجهاز، بانتظار المزامنة.</translation>
        </message>
        <message>
            <source>Cannot create the folder %1</source>
            <translation>تعذّر إنشاء المجلد %1</translation>
        </message>
        <message>
            <source>The PDF was not written: %1</source>
            <translation>لم تتم كتابة ملف PDF: %1</translation>
        </message>
        <message>
            <source>Saved as %1</source>
            <translation>تم الحفظ باسم %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>مخزن الجهاز غير مفتوح</translation>
        </message>
        <message>
            <source>Enter your login</source>
            <translation>أدخل اسم المستخدم</translation>
        </message>
        <message>
            <source>Enter your password</source>
            <translation>أدخل كلمة المرور</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 تغييرات لم تُزامَن بعد. زامِن قبل تسجيل الخروج.</translation>
        </message>
        <message>
            <source>Enter the server's address</source>
            <translation>أدخل عنوان الخادم</translation>
        </message>
    </context>
</TS>