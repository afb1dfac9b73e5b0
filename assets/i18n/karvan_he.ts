<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Log for %1</source>
            <translation>תיעוד עבור %1</translation>
        </message>
        <message>
            <source>Choose a customer first</source>
            <translation>בחרו קודם לקוח</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>ביקור</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>שיחה</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>הערה</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>נושא</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>הערות</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>דקות</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>שמירה</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>אחרונות</translation>
        </message>
        <message>
            <source>Choose a photo</source>
            <translation>בחרו תמונה</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>תמונות (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Take a photo</source>
            <translation>צלמו תמונה</translation>
        </message>
        <message>
            <source>No camera found. Choose a picture file instead.</source>
            <translation>לא נמצאה מצלמה. בחרו קובץ תמונה במקום.</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>מקובץ</translation>
        </message>
        <message>
            <source>Take photo</source>
            <translation>צילום</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>החלפת תמונה</translation>
        </message>
        <message>
            <source>Add photo</source>
            <translation>הוספת תמונה</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>הסרת תמונה</translation>
        </message>
        <message>
            <source>Photo %1 × %2, %3 KB</source>
            <translation>תמונה %1 × %2, %3 KB</translation>
        </message>
        <message>
            <source>Save with photo</source>
            <translation>שמירה עם תמונה</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Purchases per month</source>
            <translation>רכישות לפי חודש</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>רכישות</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Search products</source>
            <translation>חיפוש מוצרים</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>ברקוד</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>חיפוש</translation>
        </message>
        <message>
            <source>No product with barcode %1</source>
            <translation>אין מוצר עם ברקוד %1</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>%1 במלאי</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>אזל מהמלאי</translation>
        </message>
        <message>
            <source>Stock as of %1</source>
            <translation>מלאי נכון ל־%1</translation>
        </message>
        <message>
            <source>Add to order</source>
            <translation>הוסף להזמנה</translation>
        </message>
    </context>
    <context>
        <name>CreditBadge</name>
        <message>
            <source>Credit hold</source>
            <translation>עיכוב אשראי</translation>
        </message>
        <message>
            <source>Credit warning</source>
            <translation>אזהרת אשראי</translation>
        </message>
        <message>
            <source>Credit OK</source>
            <translation>אשראי תקין</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>בחרו לקוח</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>הזמנה חדשה</translation>
        </message>
        <message>
            <source>New quote</source>
            <translation>הצעת מחיר חדשה</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>שמירה</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>עריכה</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>אשראי</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>מסגרת</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>חשיפה</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>יתרה זמינה</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>באיחור</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>תנאי תשלום</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>פרופיל</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>שם</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>טלפון</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>דוא״ל</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>הערות</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>כתובת</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>איש קשר</translation>
        </message>
        <message>
            <source>Purchases, last 12 months</source>
            <translation>רכישות, 12 החודשים האחרונים</translation>
        </message>
        <message>
            <source>Open tickets</source>
            <translation>פניות פתוחות</translation>
        </message>
        <message>
            <source>No open tickets</source>
            <translation>אין פניות פתוחות</translation>
        </message>
        <message>
            <source>History</source>
            <translation>היסטוריה</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>פעילויות</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>תמונה</translation>
        </message>
    </context>
    <context>
        <name>CustomersPage</name>
        <message>
            <source>Search name, code, phone, city</source>
            <translation>חיפוש שם, קוד, טלפון, עיר</translation>
        </message>
        <message>
            <source>New</source>
            <translation>חדש</translation>
        </message>
        <message>
            <source>Tickets: %1</source>
            <translation>פניות: %1</translation>
        </message>
        <message>
            <source>No customers match</source>
            <translation>לא נמצאו לקוחות</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>לקוח חדש</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>שם</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>טלפון</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>דוא״ל</translation>
        </message>
    </context>
    <context>
        <name>KioskShell</name>
        <message>
            <source>Walk-in customer</source>
            <translation>לקוח מזדמן</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>ברוכים הבאים</translation>
        </message>
        <message>
            <source>Tap to order</source>
            <translation>געו כדי להזמין</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>אזל מהמלאי</translation>
        </message>
        <message>
            <source>Thank you! Your order is saved.</source>
            <translation>תודה! ההזמנה נשמרה.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>הזמנה חדשה</translation>
        </message>
        <message>
            <source>Your cart</source>
            <translation>העגלה שלך</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>סה״כ</translation>
        </message>
        <message>
            <source>Checkout</source>
            <translation>לתשלום</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>צוות</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>קוד צוות</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>קוד</translation>
        </message>
        <message>
            <source>Wrong PIN</source>
            <translation>קוד שגוי</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>Karvan</source>
            <translation>קרוואן</translation>
        </message>
    </context>
    <context>
        <name>OrderPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>בחרו לקוח</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>לקוחות</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>הזמנה</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>הצעת מחיר</translation>
        </message>
        <message>
            <source>Saved on this device, waiting to sync</source>
            <translation>נשמר במכשיר, ממתין לסנכרון</translation>
        </message>
        <message>
            <source>Add products</source>
            <translation>הוספת מוצרים</translation>
        </message>
        <message>
            <source>Search products</source>
            <translation>חיפוש מוצרים</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>שורות</translation>
        </message>
        <message>
            <source>Why?</source>
            <translation>למה?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>הסרה</translation>
        </message>
        <message>
            <source>Check before submitting</source>
            <translation>בדקו לפני השליחה</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>סיכום</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>נטו</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>מס</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>סה״כ</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>אשראי</translation>
        </message>
        <message>
            <source>Save quote</source>
            <translation>שמירת הצעת מחיר</translation>
        </message>
        <message>
            <source>Submit order</source>
            <translation>שליחת הזמנה</translation>
        </message>
        <message>
            <source>%1 at HQ: %2</source>
            <translation>%1 במטה: %2</translation>
        </message>
        <message>
            <source>HQ: %1</source>
            <translation>מטה: %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>סגירה</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>תאריך</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>בתוקף עד</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>מצב</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>חתום</translation>
        </message>
        <message>
            <source>Convert to order</source>
            <translation>המרה להזמנה</translation>
        </message>
        <message>
            <source>Share as PDF</source>
            <translation>שיתוף כ-PDF</translation>
        </message>
        <message>
            <source>Customer's signature</source>
            <translation>חתימת הלקוח</translation>
        </message>
    </context>
    <context>
        <name>PhoneShell</name>
        <message>
            <source>Today</source>
            <translation>היום</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>לקוחות</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>לקוח</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>קטלוג</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>הזמנה</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>פניות</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>פעילויות</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>סנכרון</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>הגדרות</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>תפריט</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 ממתינים לסנכרון</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Account</source>
            <translation>חשבון</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>שרת</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>שם משתמש</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>שפה</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>לוח שנה</translation>
        </message>
        <message>
            <source>Gregorian</source>
            <translation>גרגוריאני</translation>
        </message>
        <message>
            <source>Solar Hijri (Jalali)</source>
            <translation>הג׳רי סולארי (ג׳לאלי)</translation>
        </message>
        <message>
            <source>Hijri</source>
            <translation>הג׳רי</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>היום</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>יציאה</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 שינויים עדיין לא סונכרנו. סנכרנו לפני היציאה.</translation>
        </message>
        <message>
            <source>Everything is synced.</source>
            <translation>הכול מסונכרן.</translation>
        </message>
        <message>
            <source>Signed in as</source>
            <translation>מחובר בתור</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>סיסמה</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>מתחבר…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>כניסה</translation>
        </message>
        <message>
            <source>HQ's certificate file (optional)</source>
            <translation>קובץ האישור של המטה (אופציונלי)</translation>
        </message>
        <message>
            <source>/path/to/ca.pem</source>
            <translation>/path/to/ca.pem</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>בחירה…</translation>
        </message>
        <message>
            <source>HQ's certificate file</source>
            <translation>קובץ האישור של המטה</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>אישורים (*.pem *.crt)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>כל הקבצים (*)</translation>
        </message>
        <message>
            <source>Automatic sync</source>
            <translation>סנכרון אוטומטי</translation>
        </message>
        <message>
            <source>Sync every (minutes, 0 = off)</source>
            <translation>סנכרון כל (דקות, 0 = כבוי)</translation>
        </message>
        <message>
            <source>Also syncs when the app starts, shortly after you save a change, and when the network comes back.</source>
            <translation>מסנכרן גם כשהיישום מופעל, זמן קצר אחרי שמירת שינוי, וכשהרשת חוזרת.</translation>
        </message>
        <message>
            <source>Kiosk mode</source>
            <translation>מצב קיוסק</translation>
        </message>
        <message>
            <source>The kiosk PIN is saved.</source>
            <translation>קוד ה-PIN של הקיוסק נשמר.</translation>
        </message>
        <message>
            <source>A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).</source>
            <translation>מסך הזמנה עצמית לחנות. היציאה ממנו דורשת את קוד ה-PIN של הקיוסק (4 עד 8 ספרות).</translation>
        </message>
        <message>
            <source>Current PIN</source>
            <translation>קוד PIN נוכחי</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>קוד PIN חדש</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>קוד</translation>
        </message>
        <message>
            <source>The PIN again</source>
            <translation>קוד ה-PIN שוב</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>שינוי קוד PIN</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>הגדרת קוד PIN</translation>
        </message>
        <message>
            <source>Start kiosk mode</source>
            <translation>הפעלת מצב קיוסק</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature pad</source>
            <translation>משטח חתימה</translation>
        </message>
        <message>
            <source>Customer signs here</source>
            <translation>הלקוח חותם כאן</translation>
        </message>
        <message>
            <source>Optional: the customer's signature</source>
            <translation>אופציונלי: חתימת הלקוח</translation>
        </message>
        <message>
            <source>Signed on this device</source>
            <translation>נחתם במכשיר זה</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>ניקוי</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sync</source>
            <translation>סנכרון</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>שרת</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>לא הוגדר</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>סנכרון אחרון</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>ממתין לסנכרון</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>נדחה</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>התנגשויות</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>סנכרון עכשיו</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>ממתין</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>מחיקה</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>אין מה לסנכרן</translation>
        </message>
        <message>
            <source>Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.</source>
            <translation>מישהו אחר שינה גם את השדות האלה. הערך שלו מוצג כעת; השאירו אותו או החילו שוב את שלכם.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>קודם</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>שלהם</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>שלי</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>השאר את שלהם</translation>
        </message>
        <message>
            <source>Re-apply mine</source>
            <translation>החל שוב את שלי</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>חשבון</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>לא מחובר</translation>
        </message>
        <message>
            <source>Sending changes</source>
            <translation>שולח שינויים</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>רשומות</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>נתונים</translation>
        </message>
        <message>
            <source>Sync failed: %1</source>
            <translation>הסנכרון נכשל: %1</translation>
        </message>
        <message>
            <source>Sign in under Settings to sync with HQ.</source>
            <translation>התחברו בהגדרות כדי לסנכרן עם המטה.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>מסנכרן…</translation>
        </message>
    </context>
    <context>
        <name>TabletShell</name>
        <message>
            <source>Today</source>
            <translation>היום</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>לקוחות</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>לקוח</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>קטלוג</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>הזמנה</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>פניות</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>פעילויות</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>סנכרון</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>הגדרות</translation>
        </message>
        <message>
            <source>Karvan</source>
            <translation>קרוואן</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 ממתינים לסנכרון</translation>
        </message>
        <message>
            <source>All synced</source>
            <translation>הכול מסונכרן</translation>
        </message>
    </context>
    <context>
        <name>TicketsPage</name>
        <message>
            <source>Open tickets</source>
            <translation>פניות פתוחות</translation>
        </message>
        <message>
            <source>New ticket</source>
            <translation>פנייה חדשה</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>הסתרה</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>תגובה</translation>
        </message>
        <message>
            <source>Write a comment</source>
            <translation>כתבו תגובה</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>שליחה</translation>
        </message>
        <message>
            <source>New ticket for %1</source>
            <translation>פנייה חדשה עבור %1</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>נושא</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>פרטים</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Sync</source>
            <translation>סנכרון</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>ממתין לסנכרון</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>נדחה</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>סנכרון אחרון</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>התראות</translation>
        </message>
        <message>
            <source>No alerts</source>
            <translation>אין התראות</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>ביקורים</translation>
        </message>
        <message>
            <source>No visits planned</source>
            <translation>אין ביקורים מתוכננים</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>מסנכרן…</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::ActivityPhoto</name>
        <message>
            <source>The photo is empty.</source>
            <translation>התמונה ריקה.</translation>
        </message>
        <message>
            <source>The photo could not be encoded: %1</source>
            <translation>לא ניתן לקודד את התמונה: %1</translation>
        </message>
        <message>
            <source>The photo is too large.</source>
            <translation>התמונה גדולה מדי.</translation>
        </message>
        <message>
            <source>There is no file %1.</source>
            <translation>הקובץ %1 לא קיים.</translation>
        </message>
        <message>
            <source>%1 is too large for a photo.</source>
            <translation>%1 גדול מדי לתמונה.</translation>
        </message>
        <message>
            <source>%1 has too many pixels for a photo.</source>
            <translation>ב-%1 יש יותר מדי פיקסלים לתמונה.</translation>
        </message>
        <message>
            <source>%1 is not a picture this device can read.</source>
            <translation>%1 אינו תמונה שהמכשיר יכול לקרוא.</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::AppSettings</name>
        <message>
            <source>The current PIN is wrong</source>
            <translation>קוד ה-PIN הנוכחי שגוי</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 8 digits</source>
            <translation>קוד ה-PIN חייב להיות בן 4 עד 8 ספרות</translation>
        </message>
        <message>
            <source>The two PINs are not the same</source>
            <translation>שני קודי ה-PIN אינם זהים</translation>
        </message>
        <message>
            <source>Set a kiosk PIN first: it is needed to leave kiosk mode</source>
            <translation>הגדר קודם קוד PIN לקיוסק: הוא נדרש כדי לצאת ממצב קיוסק</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::DeviceSession</name>
        <message>
            <source>Draft</source>
            <translation>טיוטה</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>ממתין לסנכרון</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>אושר</translation>
        </message>
        <message>
            <source>Credit hold</source>
            <translation>עיכוב אשראי</translation>
        </message>
        <message>
            <source>Backordered</source>
            <translation>בהזמנה חוזרת</translation>
        </message>
        <message>
            <source>Partly allocated</source>
            <translation>הוקצה חלקית</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>נדחה</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>בוטל</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>נמסר</translation>
        </message>
        <message>
            <source>Invoiced</source>
            <translation>חויב</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>הומר</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>פג תוקף</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>ביקור</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>שיחה</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>הערה</translation>
        </message>
        <message>
            <source>never</source>
            <translation>אף פעם</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 ימים</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>ללא מסגרת</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>הצעת מחיר</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>הזמנה</translation>
        </message>
        <message>
            <source>(pending)</source>
            <translation>(ממתין)</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>חשבונית</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>שולם</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>באיחור</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>פתוח</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>תשלום</translation>
        </message>
        <message>
            <source>Over credit limit: exposure %1</source>
            <translation>מעל מסגרת האשראי: חשיפה %1</translation>
        </message>
        <message>
            <source>Near credit limit: exposure %1</source>
            <translation>קרוב למסגרת האשראי: חשיפה %1</translation>
        </message>
        <message>
            <source>Invoice %1 overdue since %2: %3</source>
            <translation>חשבונית %1 באיחור מאז %2: %3</translation>
        </message>
        <message>
            <source>Low stock: %1 available</source>
            <translation>מלאי נמוך: %1 זמינים</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>בטיפול</translation>
        </message>
        <message>
            <source>Waiting on customer</source>
            <translation>ממתין ללקוח</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>נפתר</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>סגור</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>שם</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>טלפון</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>דוא״ל</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>הערות</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>שפה</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>אנשי קשר</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>כתובת</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(ריק)</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(לא ידוע)</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <source>%1 / %2 records</source>
            <translation>%1 / %2 רשומות</translation>
        </message>
        <message>
            <source>%1 records</source>
            <translation>%1 רשומות</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts</source>
            <translation>נשלחו %1 שינויים (%2 נדחו), התקבלו %3 רשומות, %4 התנגשויות חדשות</translation>
        </message>
        <message>
            <source>Automatic sync off</source>
            <translation>סנכרון אוטומטי כבוי</translation>
        </message>
        <message>
            <source>Next automatic sync at %1</source>
            <translation>הסנכרון האוטומטי הבא ב-%1</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>השרת חייב להיות כתובת כמו https://hq.example.com:8443</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>סיסמה לעולם לא נשלחת ב-http רגיל למחשב אחר: השתמשו ב-https</translation>
        </message>
        <message>
            <source>The certificate file cannot be read or holds no certificate</source>
            <translation>לא ניתן לקרוא את קובץ האישור או שאין בו אישור</translation>
        </message>
        <message>
            <source>HQ's server refused the connection: it may be down or the address wrong</source>
            <translation>שרת המטה סירב לחיבור: ייתכן שהוא כבוי או שהכתובת שגויה</translation>
        </message>
        <message>
            <source>HQ's server was not found: check the address and the network</source>
            <translation>שרת המטה לא נמצא: בדוק את הכתובת ואת הרשת</translation>
        </message>
        <message>
            <source>HQ did not answer in time: check the network and try again</source>
            <translation>המטה לא ענה בזמן: בדוק את הרשת ונסה שוב</translation>
        </message>
        <message>
            <source>The connection to HQ broke: check the network and try again</source>
            <translation>החיבור למטה נקטע: בדוק את הרשת ונסה שוב</translation>
        </message>
        <message>
            <source>HQ's certificate is not trusted: choose HQ's certificate file (CA) in Settings</source>
            <translation>האישור של המטה אינו מהימן: בחר את קובץ האישור של המטה (CA) בהגדרות</translation>
        </message>
        <message>
            <source>A secure connection to HQ could not be made: check the address and the device's date</source>
            <translation>לא ניתן ליצור חיבור מאובטח למטה: בדוק את הכתובת ואת התאריך במכשיר</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>שם משתמש או סיסמה שגויים</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>התחברו כדי לסנכרן (הגדרות)</translation>
        </message>
        <message>
            <source>HQ no longer accepts this device's sign-in: sign in again</source>
            <translation>המטה כבר לא מקבל את הכניסה של מכשיר זה: היכנס שוב</translation>
        </message>
        <message>
            <source>HQ revoked this device; its local data was removed. Sign in again.</source>
            <translation>המטה ביטל את המכשיר הזה; הנתונים המקומיים שלו נמחקו. היכנס שוב.</translation>
        </message>
        <message>
            <source>HQ's server had a problem: try again later</source>
            <translation>בשרת המטה הייתה תקלה: נסה שוב מאוחר יותר</translation>
        </message>
        <message>
            <source>HQ refused the request</source>
            <translation>המטה דחה את הבקשה</translation>
        </message>
        <message>
            <source>HQ's answer could not be understood: the app may need an update</source>
            <translation>לא ניתן להבין את תשובת המטה: ייתכן שהיישום זקוק לעדכון</translation>
        </message>
        <message>
            <source>Changes by another user on this device are not synced yet: sign in as that user and sync first</source>
            <translation>שינויים של משתמש אחר במכשיר זה עדיין לא סונכרנו: היכנס כמשתמש זה וסנכרן קודם</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>סנכרון כבר פועל</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::OrderEditor</name>
        <message>
            <source>List price</source>
            <translation>מחיר מחירון</translation>
        </message>
        <message>
            <source>Price list</source>
            <translation>מחירון</translation>
        </message>
        <message>
            <source>Volume tier</source>
            <translation>מדרגת כמות</translation>
        </message>
        <message>
            <source>Customer price</source>
            <translation>מחיר ללקוח</translation>
        </message>
        <message>
            <source>Promotion</source>
            <translation>מבצע</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>מס</translation>
        </message>
        <message>
            <source>Credit hold: this order takes the account to %1, over its limit of %2</source>
            <translation>עיכוב אשראי: ההזמנה מביאה את החשבון ל־%1, מעל המסגרת של %2</translation>
        </message>
        <message>
            <source>Near the credit limit: %1 of %2 after this order</source>
            <translation>קרוב למסגרת: %1 מתוך %2 אחרי ההזמנה</translation>
        </message>
        <message>
            <source>The account is on credit hold at head office</source>
            <translation>החשבון בעיכוב אשראי במטה</translation>
        </message>
        <message>
            <source>%1 overdue, oldest %2 days</source>
            <translation>%1 באיחור, הוותיק ביותר %2 ימים</translation>
        </message>
        <message>
            <source>incl.</source>
            <translation>כולל</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>במלאי</translation>
        </message>
        <message>
            <source>Only %1 available (as of %2)</source>
            <translation>רק %1 במלאי (נכון ל־%2)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>לא ידוע</translation>
        </message>
        <message>
            <source>%1: %2 short</source>
            <translation>%1: חסרים %2</translation>
        </message>
        <message>
            <source>Exposure %1 · limit %2</source>
            <translation>חשיפה %1 · מסגרת %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>אין</translation>
        </message>
        <message>
            <source>Saved, but the signature was not stored: %1</source>
            <translation>נשמר, אך החתימה לא נשמרה: %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::SavedDocumentView</name>
        <message>
            <source>(pending)</source>
            <translation>(ממתין)</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>הצעת מחיר %1</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>הזמנה %1</translation>
        </message>
        <message>
            <source>This quote is already converted to an order.</source>
            <translation>הצעת מחיר זו כבר הומרה להזמנה.</translation>
        </message>
        <message>
            <source>HQ rejected this quote.</source>
            <translation>המטה דחה הצעת מחיר זו.</translation>
        </message>
        <message>
            <source>HQ rejected this quote: %1</source>
            <translation>המטה דחה הצעת מחיר זו: %1</translation>
        </message>
        <message>
            <source>This quote was cancelled.</source>
            <translation>הצעת מחיר זו בוטלה.</translation>
        </message>
        <message>
            <source>This quote expired on %1.</source>
            <translation>תוקף הצעת מחיר זו פג ב-%1.</translation>
        </message>
        <message>
            <source>This quote has expired.</source>
            <translation>תוקף הצעת מחיר זו פג.</translation>
        </message>
        <message>
            <source>This quote has no lines.</source>
            <translation>להצעת מחיר זו אין שורות.</translation>
        </message>
        <message>
            <source>Not converted: %1</source>
            <translation>לא הומרה: %1</translation>
        </message>
        <message>
            <source>Order made from quote %1, saved on this device, waiting to sync.</source>
            <translation>ההזמנה נוצרה מהצעת מחיר %1, נשמרה במכשיר זה וממתינה לסנכרון.</translation>
        </message>
        <message>
            <source>Cannot create the folder %1</source>
            <translation>לא ניתן ליצור את התיקייה %1</translation>
        </message>
        <message>
            <source>The PDF was not written: %1</source>
            <translation>קובץ ה-PDF לא נכתב: %1</translation>
        </message>
        <message>
            <source>Saved as %1</source>
            <translation>נשמר בשם %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>מאגר המכשיר אינו פתוח</translation>
        </message>
        <message>
            <source>Enter your login</source>
            <translation>הזינו את שם המשתמש</translation>
        </message>
        <message>
            <source>Enter your password</source>
            <translation>הזינו את הסיסמה</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 שינויים עדיין לא סונכרנו. סנכרנו לפני היציאה.</translation>
        </message>
        <message>
            <source>Enter the server's address</source>
            <translation>הזן את כתובת השרת</translation>
        </message>
    </context>
</TS>