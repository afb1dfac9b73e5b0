<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Log for %1</source>
            <translation>%1 için kaydet</translation>
        </message>
        <message>
            <source>Choose a customer first</source>
            <translation>Önce bir müşteri seçin</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Ziyaret</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Arama</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Not</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Konu</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notlar</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Dakika</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Kaydet</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>Son kayıtlar</translation>
        </message>
        <message>
            <source>Choose a photo</source>
            <translation>Bir fotoğraf seçin</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>Görseller (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Take a photo</source>
            <translation>Fotoğraf çekin</translation>
        </message>
        <message>
            <source>No camera found. Choose a picture file instead.</source>
            <translation>Kamera bulunamadı. Bunun yerine bir görsel dosyası seçin.</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>Dosyadan</translation>
        </message>
        <message>
            <source>Take photo</source>
            <translation>Çek</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>Fotoğrafı değiştir</translation>
        </message>
        <message>
            <source>Add photo</source>
            <translation>Fotoğraf ekle</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>Fotoğrafı kaldır</translation>
        </message>
        <message>
            <source>Photo %1 × %2, %3 KB</source>
            <translation>Fotoğraf %1 × %2, %3 KB</translation>
        </message>
        <message>
            <source>Save with photo</source>
            <translation>Fotoğrafla kaydet</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Purchases per month</source>
            <translation>Aylık alımlar</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>Alımlar</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Search products</source>
            <translation>Ürün ara</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>Barkod</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Bul</translation>
        </message>
        <message>
            <source>No product with barcode %1</source>
            <translation>%1 barkodlu ürün yok</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>%1 mevcut</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Stokta yok</translation>
        </message>
        <message>
            <source>Stock as of %1</source>
            <translation>%1 itibarıyla stok</translation>
        </message>
        <message>
            <source>Add to order</source>
            <translation>Siparişe ekle</translation>
        </message>
    </context>
    <context>
        <name>CreditBadge</name>
        <message>
            <source>Credit hold</source>
            <translation>Kredi blokesi</translation>
        </message>
        <message>
            <source>Credit warning</source>
            <translation>Kredi uyarısı</translation>
        </message>
        <message>
            <source>Credit OK</source>
            <translation>Kredi uygun</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>Bir müşteri seçin</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>Yeni sipariş</translation>
        </message>
        <message>
            <source>New quote</source>
            <translation>Yeni teklif</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Kaydet</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Düzenle</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Kredi</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limit</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>Risk</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Kullanılabilir</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Vadesi geçmiş</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>Ödeme vadesi</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-posta</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notlar</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adres</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Kişi</translation>
        </message>
        <message>
            <source>Purchases, last 12 months</source>
            <translation>Son 12 ayın alımları</translation>
        </message>
        <message>
            <source>Open tickets</source>
            <translation>Açık talepler</translation>
        </message>
        <message>
            <source>No open tickets</source>
            <translation>Açık talep yok</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Geçmiş</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Etkinlikler</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>fotoğraf</translation>
        </message>
    </context>
    <context>
        <name>CustomersPage</name>
        <message>
            <source>Search name, code, phone, city</source>
            <translation>Ad, kod, telefon, şehir ara</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Yeni</translation>
        </message>
        <message>
            <source>Tickets: %1</source>
            <translation>Talep: %1</translation>
        </message>
        <message>
            <source>No customers match</source>
            <translation>Eşleşen müşteri yok</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>Yeni müşteri</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-posta</translation>
        </message>
    </context>
    <context>
        <name>KioskShell</name>
        <message>
            <source>Walk-in customer</source>
            <translation>Perakende müşteri</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Hoş geldiniz</translation>
        </message>
        <message>
            <source>Tap to order</source>
            <translation>Sipariş için dokunun</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Stokta yok</translation>
        </message>
        <message>
            <source>Thank you! Your order is saved.</source>
            <translation>Teşekkürler! Siparişiniz kaydedildi.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>Yeni sipariş</translation>
        </message>
        <message>
            <source>Your cart</source>
            <translation>Sepetiniz</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Toplam</translation>
        </message>
        <message>
            <source>Checkout</source>
            <translation>Ödeme</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Personel</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>Personel PIN'i</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Wrong PIN</source>
            <translation>Yanlış PIN</translation>
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
            <translation>Bir müşteri seçin</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Müşteriler</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Sipariş</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Teklif</translation>
        </message>
        <message>
            <source>Saved on this device, waiting to sync</source>
            <translation>Bu cihaza kaydedildi, eşitleme bekliyor</translation>
        </message>
        <message>
            <source>Add products</source>
            <translation>Ürün ekle</translation>
        </message>
        <message>
            <source>Search products</source>
            <translation>Ürün ara</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Kalemler</translation>
        </message>
        <message>
            <source>Why?</source>
            <translation>Neden?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Kaldır</translation>
        </message>
        <message>
            <source>Check before submitting</source>
            <translation>Göndermeden önce kontrol edin</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>Toplamlar</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Vergi</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Toplam</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Kredi</translation>
        </message>
        <message>
            <source>Save quote</source>
            <translation>Teklifi kaydet</translation>
        </message>
        <message>
            <source>Submit order</source>
            <translation>Siparişi gönder</translation>
        </message>
        <message>
            <source>%1 at HQ: %2</source>
            <translation>%1 merkezde: %2</translation>
        </message>
        <message>
            <source>HQ: %1</source>
            <translation>Merkez: %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Kapat</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarih</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Geçerlilik sonu</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Durum</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>İmzalı</translation>
        </message>
        <message>
            <source>Convert to order</source>
            <translation>Siparişe dönüştür</translation>
        </message>
        <message>
            <source>Share as PDF</source>
            <translation>PDF olarak paylaş</translation>
        </message>
        <message>
            <source>Customer's signature</source>
            <translation>Müşterinin imzası</translation>
        </message>
    </context>
    <context>
        <name>PhoneShell</name>
        <message>
            <source>Today</source>
            <translation>Bugün</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Müşteriler</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Müşteri</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Katalog</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Sipariş</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>Talepler</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Etkinlikler</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Eşitleme</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Ayarlar</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menü</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 eşitlenecek</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Account</source>
            <translation>Hesap</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Sunucu</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Kullanıcı adı</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Takvim</translation>
        </message>
        <message>
            <source>Gregorian</source>
            <translation>Miladi</translation>
        </message>
        <message>
            <source>Solar Hijri (Jalali)</source>
            <translation>Hicri Şemsi (Celali)</translation>
        </message>
        <message>
            <source>Hijri</source>
            <translation>Hicri</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Bugün</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Çıkış yap</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 değişiklik henüz eşitlenmedi. Çıkmadan önce eşitleyin.</translation>
        </message>
        <message>
            <source>Everything is synced.</source>
            <translation>Her şey eşitlendi.</translation>
        </message>
        <message>
            <source>Signed in as</source>
            <translation>Giriş yapan</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Parola</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Giriş yapılıyor…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Giriş yap</translation>
        </message>
        <message>
            <source>HQ's certificate file (optional)</source>
            <translation>Merkezin sertifika dosyası (isteğe bağlı)</translation>
        </message>
        <message>
            <source>/path/to/ca.pem</source>
            <translation>/path/to/ca.pem</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Seç…</translation>
        </message>
        <message>
            <source>HQ's certificate file</source>
            <translation>Merkezin sertifika dosyası</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>Sertifikalar (*.pem *.crt)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Tüm dosyalar (*)</translation>
        </message>
        <message>
            <source>Automatic sync</source>
            <translation>Otomatik eşitleme</translation>
        </message>
        <message>
            <source>Sync every (minutes, 0 = off)</source>
            <translation>Eşitleme sıklığı (dakika, 0 = kapalı)</translation>
        </message>
        <message>
            <source>Also syncs when the app starts, shortly after you save a change, and when the network comes back.</source>
            <translation>Uygulama açıldığında, bir değişikliği kaydettikten kısa süre sonra ve ağ geri geldiğinde de eşitler.</translation>
        </message>
        <message>
            <source>Kiosk mode</source>
            <translation>Kiosk modu</translation>
        </message>
        <message>
            <source>The kiosk PIN is saved.</source>
            <translation>Kiosk PIN'i kaydedildi.</translation>
        </message>
        <message>
            <source>A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).</source>
            <translation>Mağaza için self servis sipariş ekranı. Çıkmak için kiosk PIN'i (4 ile 8 basamak) gerekir.</translation>
        </message>
        <message>
            <source>Current PIN</source>
            <translation>Mevcut PIN</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>Yeni PIN</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>The PIN again</source>
            <translation>PIN'i tekrar girin</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>PIN'i değiştir</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>PIN belirle</translation>
        </message>
        <message>
            <source>Start kiosk mode</source>
            <translation>Kiosk modunu başlat</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature pad</source>
            <translation>İmza alanı</translation>
        </message>
        <message>
            <source>Customer signs here</source>
            <translation>Müşteri buraya imzalar</translation>
        </message>
        <message>
            <source>Optional: the customer's signature</source>
            <translation>İsteğe bağlı: müşterinin imzası</translation>
        </message>
        <message>
            <source>Signed on this device</source>
            <translation>Bu cihazda imzalandı</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Temizle</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sync</source>
            <translation>Eşitleme</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Sunucu</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Ayarlanmadı</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>Son eşitleme</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Eşitleme bekliyor</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Reddedildi</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Çakışmalar</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Şimdi eşitle</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Bekliyor</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>At</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>Eşitlenecek bir şey yok</translation>
        </message>
        <message>
            <source>Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.</source>
            <translation>Bu alanları başka biri de değiştirdi. Şu an onun değeri gösteriliyor; koruyun ya da kendinizinkini yeniden uygulayın.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Önceki</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>Onlarınki</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Benimki</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>Onlarınkini koru</translation>
        </message>
        <message>
            <source>Re-apply mine</source>
            <translation>Benimkini yeniden uygula</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Hesap</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Giriş yapılmadı</translation>
        </message>
        <message>
            <source>Sending changes</source>
            <translation>Değişiklikler gönderiliyor</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Kayıtlar</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Veri</translation>
        </message>
        <message>
            <source>Sync failed: %1</source>
            <translation>Eşitleme başarısız: %1</translation>
        </message>
        <message>
            <source>Sign in under Settings to sync with HQ.</source>
            <translation>Merkezle eşitlemek için Ayarlar'dan giriş yapın.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Eşitleniyor…</translation>
        </message>
    </context>
    <context>
        <name>TabletShell</name>
        <message>
            <source>Today</source>
            <translation>Bugün</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Müşteriler</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Müşteri</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Katalog</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Sipariş</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>Talepler</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Etkinlikler</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Eşitleme</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Ayarlar</translation>
        </message>
        <message>
            <source>Karvan</source>
            <translation>Karvan</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 eşitlenecek</translation>
        </message>
        <message>
            <source>All synced</source>
            <translation>Tümü eşitlendi</translation>
        </message>
    </context>
    <context>
        <name>TicketsPage</name>
        <message>
            <source>Open tickets</source>
            <translation>Açık talepler</translation>
        </message>
        <message>
            <source>New ticket</source>
            <translation>Yeni talep</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Gizle</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Yorum</translation>
        </message>
        <message>
            <source>Write a comment</source>
            <translation>Yorum yazın</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Gönder</translation>
        </message>
        <message>
            <source>New ticket for %1</source>
            <translation>%1 için yeni talep</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Konu</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Ayrıntılar</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Sync</source>
            <translation>Eşitleme</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Eşitleme bekliyor</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Reddedildi</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>Son eşitleme</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>Uyarılar</translation>
        </message>
        <message>
            <source>No alerts</source>
            <translation>Uyarı yok</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Ziyaretler</translation>
        </message>
        <message>
            <source>No visits planned</source>
            <translation>Planlı ziyaret yok</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Eşitleniyor…</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::ActivityPhoto</name>
        <message>
            <source>The photo is empty.</source>
            <translation>Fotoğraf boş.</translation>
        </message>
        <message>
            <source>The photo could not be encoded: %1</source>
            <translation>Fotoğraf kodlanamadı: %1</translation>
        </message>
        <message>
            <source>The photo is too large.</source>
            <translation>Fotoğraf çok büyük.</translation>
        </message>
        <message>
            <source>There is no file %1.</source>
            <translation>%1 dosyası yok.</translation>
        </message>
        <message>
            <source>%1 is too large for a photo.</source>
            <translation>%1 bir fotoğraf için çok büyük.</translation>
        </message>
        <message>
            <source>%1 has too many pixels for a photo.</source>
            <translation>%1 bir fotoğraf için çok fazla piksel içeriyor.</translation>
        </message>
        <message>
            <source>%1 is not a picture this device can read.</source>
            <translation>%1 bu cihazın okuyabileceği bir görsel değil.</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::AppSettings</name>
        <message>
            <source>The current PIN is wrong</source>
            <translation>Mevcut PIN yanlış</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 8 digits</source>
            <translation>PIN 4 ile 8 basamak arasında olmalıdır</translation>
        </message>
        <message>
            <source>The two PINs are not the same</source>
            <translation>İki PIN aynı değil</translation>
        </message>
        <message>
            <source>Set a kiosk PIN first: it is needed to leave kiosk mode</source>
            <translation>Önce bir kiosk PIN'i belirleyin: kiosk modundan çıkmak için gereklidir</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::DeviceSession</name>
        <message>
            <source>Draft</source>
            <translation>Taslak</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Eşitleme bekliyor</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Onaylandı</translation>
        </message>
        <message>
            <source>Credit hold</source>
            <translation>Kredi blokesi</translation>
        </message>
        <message>
            <source>Backordered</source>
            <translation>Stok bekliyor</translation>
        </message>
        <message>
            <source>Partly allocated</source>
            <translation>Kısmen ayrıldı</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Reddedildi</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>İptal edildi</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Teslim edildi</translation>
        </message>
        <message>
            <source>Invoiced</source>
            <translation>Faturalandı</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>Dönüştürüldü</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Süresi doldu</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Ziyaret</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Arama</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Not</translation>
        </message>
        <message>
            <source>never</source>
            <translation>hiç</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 gün</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Limitsiz</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Teklif</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Sipariş</translation>
        </message>
        <message>
            <source>(pending)</source>
            <translation>(bekliyor)</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>Fatura</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Ödendi</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Vadesi geçmiş</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Açık</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Ödeme</translation>
        </message>
        <message>
            <source>Over credit limit: exposure %1</source>
            <translation>Kredi limiti aşıldı: risk %1</translation>
        </message>
        <message>
            <source>Near credit limit: exposure %1</source>
            <translation>Kredi limitine yakın: risk %1</translation>
        </message>
        <message>
            <source>Invoice %1 overdue since %2: %3</source>
            <translation>%1 numaralı fatura %2 tarihinden beri gecikmede: %3</translation>
        </message>
        <message>
            <source>Low stock: %1 available</source>
            <translation>Düşük stok: %1 mevcut</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>İşlemde</translation>
        </message>
        <message>
            <source>Waiting on customer</source>
            <translation>Müşteri bekleniyor</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Çözüldü</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Kapalı</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-posta</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notlar</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Kişiler</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adres</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(boş)</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(bilinmiyor)</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <source>%1 / %2 records</source>
            <translation>%1 / %2 kayıt</translation>
        </message>
        <message>
            <source>%1 records</source>
            <translation>%1 kayıt</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts</source>
            <translation>%1 değişiklik gönderildi (%2 reddedildi), %3 kayıt alındı, %4 yeni çakışma</translation>
        </message>
        <message>
            <source>Automatic sync off</source>
            <translation>Otomatik eşitleme kapalı</translation>
        </message>
        <message>
            <source>Next automatic sync at %1</source>
            <translation>Sonraki otomatik eşitleme: %1</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>Sunucu https://hq.example.com:8443 gibi bir adres olmalı</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>Parola başka bir makineye asla şifresiz http ile gönderilmez: https kullanın</translation>
        </message>
        <message>
            <source>The certificate file cannot be read or holds no certificate</source>
            <translation>Sertifika dosyası okunamıyor veya sertifika içermiyor</translation>
        </message>
        <message>
            <source>HQ's server refused the connection: it may be down or the address wrong</source>
            <translation>Merkez sunucusu bağlantıyı reddetti: kapalı olabilir veya adres yanlış olabilir</translation>
        </message>
        <message>
            <source>HQ's server was not found: check the address and the network</source>
            <translation>Merkez sunucusu bulunamadı: adresi ve ağı kontrol edin</translation>
        </message>
        <message>
            <source>HQ did not answer in time: check the network and try again</source>
            <translation>Merkez zamanında yanıt vermedi: ağı kontrol edip yeniden deneyin</translation>
        </message>
        <message>
            <source>The connection to HQ broke: check the network and try again</source>
            <translation>Merkezle bağlantı koptu: ağı kontrol edip yeniden deneyin</translation>
        </message>
        <message>
            <source>HQ's certificate is not trusted: choose HQ's certificate file (CA) in Settings</source>
            <translation>Merkezin sertifikası güvenilir değil: Ayarlar'da merkezin sertifika dosyasını (CA) seçin</translation>
        </message>
        <message>
            <source>A secure connection to HQ could not be made: check the address and the device's date</source>
            <translation>Merkeze güvenli bağlantı kurulamadı: adresi ve cihazın tarihini kontrol edin</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>Kullanıcı adı veya parola yanlış</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>Eşitlemek için giriş yapın (Ayarlar)</translation>
        </message>
        <message>
            <source>HQ no longer accepts this device's sign-in: sign in again</source>
            <translation>Merkez bu cihazın oturumunu artık kabul etmiyor: yeniden oturum açın</translation>
        </message>
        <message>
            <source>HQ revoked this device; its local data was removed. Sign in again.</source>
            <translation>Merkez bu cihazı iptal etti; yerel verileri silindi. Yeniden oturum açın.</translation>
        </message>
        <message>
            <source>HQ's server had a problem: try again later</source>
            <translation>Merkez sunucusunda bir sorun oluştu: daha sonra yeniden deneyin</translation>
        </message>
        <message>
            <source>HQ refused the request</source>
            <translation>Merkez isteği reddetti</translation>
        </message>
        <message>
            <source>HQ's answer could not be understood: the app may need an update</source>
            <translation>Merkezin yanıtı anlaşılamadı: uygulamanın güncellenmesi gerekebilir</translation>
        </message>
        <message>
            <source>Changes by another user on this device are not synced yet: sign in as that user and sync first</source>
            <translation>Bu cihazdaki başka bir kullanıcının değişiklikleri henüz eşitlenmedi: önce o kullanıcı olarak oturum açıp eşitleyin</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>Zaten bir eşitleme çalışıyor</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::OrderEditor</name>
        <message>
            <source>List price</source>
            <translation>Liste fiyatı</translation>
        </message>
        <message>
            <source>Price list</source>
            <translation>Fiyat listesi</translation>
        </message>
        <message>
            <source>Volume tier</source>
            <translation>Hacim kademesi</translation>
        </message>
        <message>
            <source>Customer price</source>
            <translation>Müşteri fiyatı</translation>
        </message>
        <message>
            <source>Promotion</source>
            <translation>Kampanya</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Vergi</translation>
        </message>
        <message>
            <source>Credit hold: this order takes the account to %1, over its limit of %2</source>
            <translation>Kredi blokesi: bu sipariş bakiyeyi %1 yapar, %2 limitinin üstünde</translation>
        </message>
        <message>
            <source>Near the credit limit: %1 of %2 after this order</source>
            <translation>Kredi limitine yakın: bu siparişle %2 limitin %1 tutarı</translation>
        </message>
        <message>
            <source>The account is on credit hold at head office</source>
            <translation>Hesap merkezde kredi blokesinde</translation>
        </message>
        <message>
            <source>%1 overdue, oldest %2 days</source>
            <translation>%1 vadesi geçmiş, en eskisi %2 gün</translation>
        </message>
        <message>
            <source>incl.</source>
            <translation>dahil</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>Stokta</translation>
        </message>
        <message>
            <source>Only %1 available (as of %2)</source>
            <translation>Yalnızca %1 mevcut (%2 itibarıyla)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>bilinmiyor</translation>
        </message>
        <message>
            <source>%1: %2 short</source>
            <translation>%1: %2 eksik</translation>
        </message>
        <message>
            <source>Exposure %1 · limit %2</source>
            <translation>Risk %1 · limit %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>yok</translation>
        </message>
        <message>
            <source>Saved, but the signature was not stored: %1</source>
            <translation>Kaydedildi, ancak imza saklanamadı: %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::SavedDocumentView</name>
        <message>
            <source>(pending)</source>
            <translation>(bekliyor)</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>Teklif %1</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>Sipariş %1</translation>
        </message>
        <message>
            <source>This quote is already converted to an order.</source>
            <translation>Bu teklif zaten siparişe dönüştürüldü.</translation>
        </message>
        <message>
            <source>HQ rejected this quote.</source>
            <translation>Merkez bu teklifi reddetti.</translation>
        </message>
        <message>
            <source>HQ rejected this quote: %1</source>
            <translation>Merkez bu teklifi reddetti: %1</translation>
        </message>
        <message>
            <source>This quote was cancelled.</source>
            <translation>Bu teklif iptal edildi.</translation>
        </message>
        <message>
            <source>This quote expired on %1.</source>
            <translation>Bu teklifin süresi %1 tarihinde doldu.</translation>
        </message>
        <message>
            <source>This quote has expired.</source>
            <translation>Bu teklifin süresi doldu.</translation>
        </message>
        <message>
            <source>This quote has no lines.</source>
            <translation>Bu teklifte hiç satır yok.</translation>
        </message>
        <message>
            <source>Not converted: %1</source>
            <translation>Dönüştürülmedi: %1</translation>
        </message>
        <message>
            <source>Order made from quote %1, saved on this device, waiting to sync.</source>
            <translation>Sipariş %1 teklifinden oluşturuldu, bu cihaza kaydedildi, eşitleme bekleniyor.</translation>
        </message>
        <message>
            <source>Cannot create the folder %1</source>
            <translation>%1 klasörü oluşturulamıyor</translation>
        </message>
        <message>
            <source>The PDF was not written: %1</source>
            <translation>PDF yazılamadı: %1</translation>
        </message>
        <message>
            <source>Saved as %1</source>
            <translation>%1 olarak kaydedildi</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>Cihaz deposu açık değil</translation>
        </message>
        <message>
            <source>Enter your login</source>
            <translation>Kullanıcı adınızı girin</translation>
        </message>
        <message>
            <source>Enter your password</source>
            <translation>Parolanızı girin</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 değişiklik henüz eşitlenmedi. Çıkmadan önce eşitleyin.</translation>
        </message>
        <message>
            <source>Enter the server's address</source>
            <translation>Sunucunun adresini girin</translation>
        </message>
    </context>
</TS>