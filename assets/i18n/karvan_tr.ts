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
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>Cihaz deposu açık değil</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>Sunucu https://hq.example.com:8443 gibi bir adres olmalı</translation>
        </message>
        <message>
            <source>The server address must not have a path</source>
            <translation>Sunucu adresinde yol olmamalı</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>Parola başka bir makineye asla şifresiz http ile gönderilmez: https kullanın</translation>
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
            <source>The certificate file %1 cannot be read</source>
            <translation>%1 sertifika dosyası okunamıyor</translation>
        </message>
        <message>
            <source>This device holds %1 unsynced changes by %2: sign in as %2 and sync first</source>
            <translation>Bu cihazda %2 kullanıcısının eşitlenmemiş %1 değişikliği var: önce %2 olarak girip eşitleyin</translation>
        </message>
        <message>
            <source>Cannot reach HQ at %1: %2</source>
            <translation>%1 adresindeki merkeze ulaşılamıyor: %2</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>Kullanıcı adı veya parola yanlış</translation>
        </message>
        <message>
            <source>HQ refused the sign-in: %1</source>
            <translation>Merkez girişi reddetti: %1</translation>
        </message>
        <message>
            <source>HQ's answer to the sign-in has no token</source>
            <translation>Merkezin giriş yanıtında belirteç yok</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Giriş yapılmadı</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 değişiklik henüz eşitlenmedi. Çıkmadan önce eşitleyin.</translation>
        </message>
        <message>
            <source>Cannot read the session</source>
            <translation>Oturum okunamıyor</translation>
        </message>
        <message>
            <source>Cannot reach HQ: %1</source>
            <translation>Merkeze ulaşılamıyor: %1</translation>
        </message>
        <message>
            <source>HQ refused the sign-out: %1</source>
            <translation>Merkez çıkışı reddetti: %1</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>Zaten bir eşitleme çalışıyor</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>Eşitlemek için giriş yapın (Ayarlar)</translation>
        </message>
    </context>
</TS>