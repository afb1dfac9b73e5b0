#include "demo/demolocale.h"

#include <initializer_list>

using namespace Qt::StringLiterals;

// The demo's customers and their history in their own languages and scripts. Persian is written
// with Persian ی and ک (U+06CC, U+06A9), Arabic with Arabic ي and ك (U+064A, U+0643); Hebrew
// with gershayim (״) and geresh (׳); Vietnamese in precomposed (NFC) letters.

namespace karvan::demo {

namespace {

QStringList texts(std::initializer_list<const char16_t *> items)
{
    QStringList out;
    out.reserve(qsizetype(items.size()));
    for (const char16_t *item : items)
        out.append(QString::fromUtf16(item));
    return out;
}

// ASCII spelling of a Latin-script name: "Şahin" -> "sahin", "Nguyễn" -> "nguyen".
QString foldToAscii(const QString &name)
{
    QString out;
    const QString decomposed = name.normalized(QString::NormalizationForm_D);
    for (QChar c : decomposed) {
        if (c == u'ı')
            c = u'i';
        else if (c == u'đ' || c == u'Đ')
            c = u'd';
        if (c.unicode() < 0x80 && c.isLetter())
            out.append(c.toLower());
    }
    return out;
}

// "native|latin" pairs; without a '|' the Latin spelling is folded from the native one.
QList<PersonName> people(std::initializer_list<const char16_t *> items)
{
    QList<PersonName> out;
    for (const QString &item : texts(items)) {
        const qsizetype bar = item.indexOf(u'|');
        if (bar < 0)
            out.append(PersonName {item, foldToAscii(item)});
        else
            out.append(PersonName {item.left(bar), item.mid(bar + 1)});
    }
    return out;
}

DemoCity city(const char16_t *name, std::initializer_list<const char16_t *> postal,
              const char16_t *phone, std::initializer_list<const char16_t *> districts)
{
    return DemoCity {QString::fromUtf16(name), texts(postal), QString::fromUtf16(phone),
                     texts(districts)};
}

DemoLanguage turkish()
{
    DemoLanguage l;
    l.code = u"tr"_s;
    l.territory = u"TR-IST"_s;
    l.namePatterns = {
        texts({u"{F} Bakkaliyesi", u"{X} Market", u"{G} Büfe", u"{X} Tekel Bayi"}),
        texts({u"{X} Süpermarket", u"{X} Gıda Ltd. Şti.", u"{X} Şarküteri"}),
        texts({u"{F} Kardeşler Toptan Gıda", u"{F} Ticaret A.Ş.", u"{X} Gıda Dağıtım Ltd. Şti."}),
        texts({u"{X} Kafe", u"{X} Lokantası", u"{X} Pastanesi", u"{F} Fırını", u"{X} Restoran"}),
        texts({u"{X} Mağazacılık A.Ş.", u"{X} Zincir Marketleri"}),
    };
    l.words = texts({u"Yıldız",   u"Güneş", u"Çınar",   u"Deniz",   u"Doğa",  u"Işık",
                     u"Altın",    u"Gül",   u"Bereket", u"Öz",      u"Ege",   u"Marmara",
                     u"Anadolu",  u"Başak", u"Lale",    u"Zümrüt",  u"Ilgaz", u"Kardelen",
                     u"Boğaziçi", u"Toros", u"Akdeniz", u"Çamlıca", u"Yeşil", u"Şafak"});
    l.givenNames
        = people({u"Mehmet", u"Ayşe",    u"Fatma", u"Mustafa", u"Emine",  u"Ahmet",  u"Hüseyin",
                  u"Zeynep", u"İbrahim", u"Elif",  u"Murat",   u"Şule",   u"Gökhan", u"Özlem",
                  u"Çağla",  u"Ömer",    u"Hakan", u"Büşra",   u"Serkan", u"Gülşen"});
    l.familyNames
        = people({u"Yılmaz", u"Kaya",    u"Demir",  u"Şahin",  u"Çelik", u"Yıldırım", u"Öztürk",
                  u"Aydın",  u"Özdemir", u"Arslan", u"Doğan",  u"Kılıç", u"Aslan",    u"Çetin",
                  u"Koç",    u"Kurt",    u"Özkan",  u"Şimşek", u"Erdem", u"Polat"});
    l.streets
        = texts({u"Bağdat Caddesi", u"İstiklal Caddesi", u"Atatürk Bulvarı", u"Cumhuriyet Caddesi",
                 u"Gazi Mustafa Kemal Bulvarı", u"Kazım Karabekir Caddesi", u"Mimar Sinan Sokak",
                 u"Fevzi Çakmak Caddesi", u"İnönü Caddesi", u"Barbaros Bulvarı",
                 u"Halaskargazi Caddesi", u"Ankara Caddesi"});
    l.cities = {
        city(u"İstanbul", {u"34###"}, u"+90 212 ### ## ##",
             {u"Caferağa Mahallesi", u"Esentepe Mahallesi", u"Bahçelievler Mahallesi"}),
        city(u"Ankara", {u"06###"}, u"+90 312 ### ## ##",
             {u"Kızılay Mahallesi", u"Çankaya Mahallesi"}),
        city(u"İzmir", {u"35###"}, u"+90 232 ### ## ##",
             {u"Alsancak Mahallesi", u"Karşıyaka Mahallesi"}),
        city(u"Bursa", {u"16###"}, u"+90 224 ### ## ##", {u"Nilüfer Mahallesi"}),
        city(u"Antalya", {u"07###"}, u"+90 242 ### ## ##", {u"Muratpaşa Mahallesi"}),
        city(u"Konya", {u"42###"}, u"+90 332 ### ## ##", {u"Selçuklu Mahallesi"}),
        city(u"Gaziantep", {u"27###"}, u"+90 342 ### ## ##", {u"Şahinbey Mahallesi"}),
        city(u"Eskişehir", {u"26###"}, u"+90 222 ### ## ##", {u"Odunpazarı Mahallesi"}),
        city(u"Kayseri", {u"38###"}, u"+90 352 ### ## ##", {u"Kocasinan Mahallesi"}),
        city(u"Trabzon", {u"61###"}, u"+90 462 ### ## ##", {u"Ortahisar Mahallesi"}),
    };
    l.line1Patterns = texts({u"{S} No: {H}", u"{S} No: {H}/{U}"});
    l.line2Patterns = texts({u"{D}", u"{D}, Daire {U}", u"{D}, Kat {U}"});
    l.mobilePatterns = texts({u"+90 532 ### ## ##", u"+90 505 ### ## ##", u"+90 542 ### ## ##"});
    l.branchPattern = u"{B} – {n}. Şube"_s;
    l.emailDomain = u"example.com"_s;
    l.notes = texts({u"Teslimat saat 10:00'dan önce yapılmalı.", u"Pazar günleri kapalı.",
                     u"Ödeme vadeli çek ile.", u"Depo girişi arka sokaktan."});
    l.ticketSubjects
        = texts({u"Sevkiyatta hasarlı ürün", u"Fatura uyuşmazlığı", u"Teslimat gecikmesi",
                 u"Eksik ürün", u"Teşhir dolabı arızası", u"İade talebi"});
    l.ticketDescriptions = texts(
        {u"Teslimatta iki koli içecek kırık geldi.", u"Fatura tutarı onaylanan teklifle uyuşmuyor.",
         u"Geçen haftaki sipariş hâlâ teslim edilmedi.", u"Siparişteki bir kalem sevkiyatta yoktu.",
         u"İçecek dolabı soğutmuyor.", u"Son kullanma tarihi geçmiş ürünler iade edilecek."});
    l.ticketComments = texts(
        {u"Müşteriyle görüştüm, ürün fotoğraflarını bekliyoruz.",
         u"Yenisi bir sonraki sevkiyatla gönderilecek.", u"Alacak dekontu düzenlendi.",
         u"Teknisyen perşembe günü için ayarlandı.", u"Müşteri sorunun çözüldüğünü onayladı."});
    l.visitSubjects = texts({u"Haftalık ziyaret", u"Raf ve stok kontrolü", u"Yeni ürün tanıtımı"});
    l.callSubjects
        = texts({u"Sipariş takibi", u"Fatura ödeme takibi", u"Sözleşme yenileme görüşmesi"});
    l.noteSubjects = texts({u"Not", u"Müşteri talebi"});
    l.activityNotes
        = texts({u"Müşteri içecek çeşitliliğinden memnun.",
                 u"Bir sonraki sipariş muhtemelen gelecek hafta.",
                 u"Atıştırmalık rafının düzenlenmesi gerekiyor.", u"Mağaza müdürü izindeydi."});
    l.opportunityTitles = texts(
        {u"Yeni şube açılışı – tam içecek yelpazesi", u"Yıllık süt ürünleri tedarik sözleşmesi",
         u"Kafe makine ve sarf malzemesi donanımı", u"Kişisel bakım ürünlerinin listelenmesi"});
    return l;
}

DemoLanguage persian()
{
    DemoLanguage l;
    l.code = u"fa"_s;
    l.territory = u"IR-THR"_s;
    l.namePatterns = {
        texts({u"بقالی {G}", u"سوپر {X}", u"فروشگاه {X}", u"خواربارفروشی {F}"}),
        texts({u"سوپرمارکت {X}", u"هایپرمارکت {X}", u"سوپرمارکت برادران {F}"}),
        texts({u"بازرگانی {F}", u"پخش مواد غذایی {X}", u"عمده\u200Cفروشی {F} و پسران",
               u"شرکت پخش {X} {C}"}),
        texts(
            {u"کافه {X}", u"رستوران {X}", u"شیرینی\u200Cفروشی {X}", u"چایخانه {F}", u"کترینگ {X}"}),
        texts({u"فروشگاه\u200Cهای زنجیره\u200Cای {X}", u"شرکت {X} پارس"}),
    };
    l.words = texts({u"کیمیا",  u"ستاره", u"نیک",    u"پارسیان", u"آفتاب",   u"یاس",
                     u"مهر",    u"آریا",  u"کوثر",   u"سپیده",   u"الماس",   u"باران",
                     u"پردیس",  u"نگین",  u"بهار",   u"سیمرغ",   u"آسمان",   u"نارنج",
                     u"گلستان", u"کاج",   u"ارغوان", u"پیروز",   u"کوهستان", u"دریا"});
    l.givenNames = people({u"علی|ali",      u"محمد|mohammad", u"رضا|reza",        u"حسین|hossein",
                           u"مهدی|mehdi",   u"امیر|amir",     u"سارا|sara",       u"مریم|maryam",
                           u"زهرا|zahra",   u"فاطمه|fatemeh", u"نیلوفر|niloufar", u"کامران|kamran",
                           u"بهرام|bahram", u"پریسا|parisa",  u"شیرین|shirin",    u"یاسمن|yasaman",
                           u"کیوان|keyvan", u"مهسا|mahsa",    u"آرش|arash",       u"نرگس|narges"});
    l.familyNames = people(
        {u"احمدی|ahmadi",   u"محمدی|mohammadi", u"رضایی|rezaei",     u"حسینی|hosseini",
         u"کریمی|karimi",   u"موسوی|mousavi",   u"جعفری|jafari",     u"کاظمی|kazemi",
         u"صادقی|sadeghi",  u"رحیمی|rahimi",    u"یزدانی|yazdani",   u"نیک\u200Cنام|niknam",
         u"تهرانی|tehrani", u"شیرازی|shirazi",  u"اصفهانی|esfahani", u"کرمانی|kermani",
         u"قاسمی|ghasemi",  u"ملکی|maleki",     u"نوروزی|nowruzi",   u"اکبری|akbari"});
    l.streets = texts({u"خیابان ولیعصر", u"خیابان انقلاب", u"خیابان آزادی", u"بلوار کشاورز",
                       u"خیابان شریعتی", u"خیابان فردوسی", u"خیابان مطهری", u"بلوار میرداماد",
                       u"خیابان جمهوری", u"خیابان طالقانی", u"بلوار چمران", u"خیابان سعدی"});
    l.cities = {
        city(u"تهران", {u"1#########"}, u"+98 21 #### ####", {u"محله ونک", u"محله یوسف\u200Cآباد"}),
        city(u"اصفهان", {u"81########"}, u"+98 31 #### ####", {u"محله جلفا"}),
        city(u"شیراز", {u"71########"}, u"+98 71 #### ####", {u"محله قصرالدشت"}),
        city(u"مشهد", {u"91########"}, u"+98 51 #### ####", {u"محله سجاد"}),
        city(u"تبریز", {u"51########"}, u"+98 41 #### ####", {u"محله ولیعصر"}),
        city(u"کرج", {u"31########"}, u"+98 26 #### ####", {u"محله گوهردشت"}),
        city(u"قم", {u"37########"}, u"+98 25 #### ####", {u"محله صفاشهر"}),
        city(u"رشت", {u"41########"}, u"+98 13 #### ####", {u"محله گلسار"}),
        city(u"یزد", {u"89########"}, u"+98 35 #### ####", {u"محله فهادان"}),
        city(u"کرمان", {u"76########"}, u"+98 34 #### ####", {u"محله شهرک باهنر"}),
    };
    l.line1Patterns = texts({u"{S}، پلاک {H}", u"{S}، کوچه {X}، پلاک {H}"});
    l.line2Patterns = texts({u"{D}", u"طبقه {U}", u"{D}، واحد {U}"});
    l.mobilePatterns = texts({u"+98 912 ### ####", u"+98 935 ### ####", u"+98 919 ### ####"});
    l.branchPattern = u"{B} (شعبه {n})"_s;
    l.persianDigits = true;
    l.emailDomain = u"example.net"_s;
    l.notes = texts({u"تحویل فقط صبح\u200Cها قبل از ساعت ۱۰", u"روزهای جمعه تعطیل است",
                     u"پرداخت با چک مدت\u200Cدار", u"مسئول خرید فقط شنبه\u200Cها حضور دارد"});
    l.ticketSubjects
        = texts({u"کالای آسیب\u200Cدیده در محموله", u"مغایرت در فاکتور", u"تأخیر در تحویل",
                 u"کسری کالا", u"خرابی یخچال ویترینی", u"درخواست برگشت کالا"});
    l.ticketDescriptions = texts(
        {u"دو کارتن نوشابه هنگام تحویل شکسته بود.",
         u"مبلغ فاکتور با پیش\u200Cفاکتور تأییدشده همخوانی ندارد.",
         u"سفارش هفته گذشته هنوز تحویل نشده است.", u"یک ردیف از سفارش در بار نبود.",
         u"یخچال ویترینی نوشیدنی خنک نمی\u200Cکند.", u"کالای تاریخ\u200Cگذشته باید مرجوع شود."});
    l.ticketComments
        = texts({u"با مشتری تماس گرفتم، منتظر عکس کالا هستیم.",
                 u"کالای جایگزین با بار بعدی ارسال می\u200Cشود.", u"اعلامیه بستانکار صادر شد.",
                 u"تکنسین برای پنجشنبه هماهنگ شد.", u"مشتری تأیید کرد که مشکل برطرف شده است."});
    l.visitSubjects
        = texts({u"ویزیت هفتگی", u"بررسی قفسه\u200Cها و موجودی", u"معرفی محصولات جدید"});
    l.callSubjects = texts({u"پیگیری سفارش", u"پیگیری پرداخت فاکتور", u"تماس برای تمدید قرارداد"});
    l.noteSubjects = texts({u"یادداشت", u"درخواست مشتری"});
    l.activityNotes
        = texts({u"مشتری از تنوع نوشیدنی\u200Cها راضی است.", u"سفارش بعدی احتمالاً هفته آینده است.",
                 u"قفسه تنقلات نیاز به چیدمان دارد.", u"مدیر فروشگاه در مرخصی بود."});
    l.opportunityTitles
        = texts({u"افتتاح شعبه جدید – سبد کامل نوشیدنی", u"قرارداد سالانه تأمین لبنیات",
                 u"تجهیز کافه با دستگاه و مواد مصرفی", u"ورود به سبد محصولات بهداشتی"});
    return l;
}

DemoLanguage arabic()
{
    DemoLanguage l;
    l.code = u"ar"_s;
    l.territory = u"AE-DXB"_s;
    l.namePatterns = {
        texts({u"بقالة {X}", u"ميني ماركت {X}", u"بقالة {G} {F}"}),
        texts({u"سوبرماركت {X}", u"هايبر ماركت {X}", u"أسواق {X}"}),
        texts({u"مؤسسة {X} التجارية", u"شركة {F} للتجارة العامة",
               u"مؤسسة {G} {F} لتجارة المواد الغذائية"}),
        texts({u"مطعم {X}", u"كافتيريا {X}", u"مقهى {X}", u"مخبز {X}", u"حلويات {X}"}),
        texts({u"مجموعة {X} القابضة", u"أسواق {X} المركزية"}),
    };
    l.words = texts({u"النور",   u"الأمل",  u"الخليج",   u"الريان",  u"السلام", u"الفجر",
                     u"الواحة",  u"البركة", u"الياسمين", u"الندى",   u"الصفا",  u"المدينة",
                     u"الكرامة", u"الهدى",  u"الزهراء",  u"الوفاء",  u"النخيل", u"الإمارات",
                     u"السعادة", u"الرحمة", u"اللؤلؤة",  u"الفرسان", u"الكوثر", u"المملكة"});
    l.givenNames = people({u"محمد|mohammed", u"أحمد|ahmed",   u"علي|ali",    u"خالد|khalid",
                           u"عمر|omar",      u"يوسف|yousef",  u"سعيد|saeed", u"فاطمة|fatima",
                           u"مريم|maryam",   u"عائشة|aisha",  u"نورة|noura", u"حمدان|hamdan",
                           u"راشد|rashid",   u"سلطان|sultan", u"ليلى|layla", u"عبدالله|abdullah",
                           u"حسن|hassan",    u"سارة|sara",    u"كريم|karim", u"يعقوب|yaqoub"});
    l.familyNames = people(
        {u"المنصوري|almansoori", u"الهاشمي|alhashimi", u"الكعبي|alkaabi", u"النعيمي|alnuaimi",
         u"الشامسي|alshamsi", u"المهيري|almheiri", u"الزعابي|alzaabi", u"البلوشي|albalushi",
         u"الظاهري|aldhaheri", u"القاسمي|alqasimi", u"العلي|alali", u"الحمادي|alhammadi",
         u"السويدي|alsuwaidi", u"الفلاسي|alfalasi", u"المري|almarri", u"الكتبي|alketbi"});
    l.streets
        = texts({u"شارع الشيخ زايد", u"شارع الوصل", u"شارع الرقة", u"شارع خالد بن الوليد",
                 u"شارع الاتحاد", u"شارع حمدان بن محمد", u"شارع الكرامة", u"شارع المنخول",
                 u"شارع جميرا", u"شارع الملك فيصل", u"شارع الخليج العربي", u"شارع الشيخ خليفة"});
    l.cities = {
        city(u"دبي", {}, u"+971 4 ### ####", {u"منطقة الكرامة", u"منطقة ديرة", u"منطقة البرشاء"}),
        city(u"الشارقة", {}, u"+971 6 ### ####", {u"منطقة النهدة", u"منطقة الخان"}),
        city(u"أبوظبي", {}, u"+971 2 ### ####", {u"منطقة الخالدية", u"منطقة المصفح"}),
        city(u"عجمان", {}, u"+971 6 ### ####", {u"منطقة النعيمية"}),
        city(u"العين", {}, u"+971 3 ### ####", {u"منطقة الجيمي"}),
        city(u"رأس الخيمة", {}, u"+971 7 ### ####", {u"منطقة النخيل"}),
        city(u"الفجيرة", {}, u"+971 9 ### ####", {u"منطقة الفصيل"}),
        city(u"أم القيوين", {}, u"+971 6 ### ####", {u"منطقة السلمة"}),
    };
    l.line1Patterns = texts({u"{S}، مبنى {H}", u"{S}، مبنى {H}، محل رقم {U}"});
    l.line2Patterns = texts({u"{D}", u"{D}، ص.ب. {H}{U}"});
    l.mobilePatterns = texts({u"+971 50 ### ####", u"+971 55 ### ####", u"+971 52 ### ####"});
    l.branchPattern = u"{B} - فرع {n}"_s;
    l.emailDomain = u"example.org"_s;
    l.notes
        = texts({u"التسليم قبل الساعة العاشرة صباحاً", u"مغلق يوم الجمعة حتى الساعة الرابعة عصراً",
                 u"الدفع بشيك مؤجل", u"يرجى الاتصال بالمدير قبل التسليم"});
    l.ticketSubjects = texts({u"بضاعة تالفة في الشحنة", u"اختلاف في الفاتورة", u"تأخير في التوصيل",
                              u"نقص في البضاعة", u"عطل في ثلاجة العرض", u"طلب إرجاع بضاعة"});
    l.ticketDescriptions
        = texts({u"وصلت كرتونتان من المشروبات مكسورتين عند التسليم.",
                 u"مبلغ الفاتورة لا يطابق عرض السعر المعتمد.", u"طلبية الأسبوع الماضي لم تصل بعد.",
                 u"صنف من الطلبية لم يكن ضمن الشحنة.", u"ثلاجة عرض المشروبات لا تبرد.",
                 u"منتجات منتهية الصلاحية يجب إرجاعها."});
    l.ticketComments
        = texts({u"تم التواصل مع العميل وننتظر صور البضاعة.",
                 u"سيتم إرسال البديل مع الشحنة القادمة.", u"تم إصدار إشعار دائن.",
                 u"تم تحديد موعد الفني يوم الخميس.", u"أكد العميل أن المشكلة قد حُلت."});
    l.visitSubjects = texts({u"زيارة أسبوعية", u"مراجعة الرفوف والمخزون", u"عرض المنتجات الجديدة"});
    l.callSubjects = texts({u"متابعة الطلبية", u"متابعة سداد الفاتورة", u"اتصال لتجديد العقد"});
    l.noteSubjects = texts({u"ملاحظة", u"طلب العميل"});
    l.activityNotes
        = texts({u"العميل راضٍ عن تشكيلة المشروبات.", u"الطلبية القادمة متوقعة الأسبوع المقبل.",
                 u"رف الوجبات الخفيفة يحتاج إلى ترتيب.", u"مدير المحل كان في إجازة."});
    l.opportunityTitles
        = texts({u"افتتاح فرع جديد – تشكيلة المشروبات الكاملة", u"عقد توريد سنوي للألبان",
                 u"تجهيز مقهى بالآلات والمستلزمات", u"إدخال منتجات العناية الشخصية"});
    return l;
}

DemoLanguage hebrew()
{
    DemoLanguage l;
    l.code = u"he"_s;
    l.territory = u"IL-TLV"_s;
    l.namePatterns = {
        texts({u"מכולת {G}", u"מינימרקט {X}", u"צרכנית {X}"}),
        texts({u"מרכול {X}", u"סופר {X}", u"סופרמרקט {F}"}),
        texts({u"{F} סחר בע״מ", u"{F} ובניו שיווק מזון", u"הפצת {X} בע״מ"}),
        texts({u"קפה {X}", u"מסעדת {X}", u"מאפיית {X}", u"פלאפל {G}"}),
        texts({u"רשת {X}", u"{X} קמעונאות בע״מ"}),
    };
    l.words = texts({u"השקד",  u"הגפן",  u"התמר",    u"הזית",  u"הרימון", u"האלון", u"הברוש",
                     u"הדקל",  u"השיטה", u"הצבר",    u"הכרמל", u"הגליל",  u"הנגב",  u"הירדן",
                     u"התאנה", u"החרוב", u"הדובדבן", u"הענבל", u"הכלנית", u"הרקפת"});
    l.givenNames = people({u"יוסי|yossi", u"דוד|david", u"משה|moshe", u"אבי|avi", u"רונית|ronit",
                           u"מיכל|michal", u"נועה|noa", u"שירה|shira", u"יעל|yael", u"איתי|itay",
                           u"עומר|omer", u"תמר|tamar", u"אורי|ori", u"דנה|dana", u"אלון|alon",
                           u"רחל|rachel"});
    l.familyNames = people({u"כהן|cohen", u"לוי|levi", u"מזרחי|mizrahi", u"פרץ|peretz",
                            u"ביטון|biton", u"אברהם|avraham", u"פרידמן|friedman", u"שפירא|shapira",
                            u"אזולאי|azulay", u"דהן|dahan", u"גולן|golan", u"אשכנזי|ashkenazi",
                            u"בן דוד|bendavid", u"חדד|hadad", u"סגל|segal"});
    l.streets = texts({u"רחוב הרצל", u"רחוב אלנבי", u"שדרות רוטשילד", u"רחוב בן יהודה",
                       u"רחוב ויצמן", u"רחוב ז׳בוטינסקי", u"דרך בגין", u"רחוב דיזנגוף",
                       u"רחוב סוקולוב", u"רחוב העצמאות", u"שדרות ירושלים", u"רחוב הנביאים"});
    l.cities = {
        city(u"תל אביב-יפו", {u"6######"}, u"+972 3-###-####", {u"נווה צדק", u"הצפון הישן"}),
        city(u"חיפה", {u"3######"}, u"+972 4-###-####", {u"הדר הכרמל"}),
        city(u"ירושלים", {u"9######"}, u"+972 2-###-####", {u"תלפיות", u"גבעת שאול"}),
        city(u"באר שבע", {u"84#####"}, u"+972 8-###-####", {u"העיר העתיקה"}),
        city(u"נתניה", {u"42#####"}, u"+972 9-###-####", {u"קריית השרון"}),
        city(u"ראשון לציון", {u"75#####"}, u"+972 3-###-####", {u"נחלת יהודה"}),
        city(u"פתח תקווה", {u"49#####"}, u"+972 3-###-####", {u"קריית אריה"}),
        city(u"אשדוד", {u"77#####"}, u"+972 8-###-####", {u"רובע ג׳"}),
        city(u"חולון", {u"58#####"}, u"+972 3-###-####", {u"אזור התעשייה"}),
        city(u"רמת גן", {u"52#####"}, u"+972 3-###-####", {u"הבורסה"}),
    };
    l.line1Patterns = texts({u"{S} {H}"});
    l.line2Patterns = texts({u"{D}", u"קומה {U}", u"חנות {U}"});
    l.mobilePatterns = texts({u"+972 50-###-####", u"+972 52-###-####", u"+972 54-###-####"});
    l.branchPattern = u"{B} – סניף {n}"_s;
    l.emailDomain = u"example.com"_s;
    l.notes = texts({u"אספקה עד השעה 10:00", u"סגור בשבת; ביום שישי עד 14:00", u"תשלום בשוטף + 60",
                     u"לתאם אספקה עם מנהל המשמרת"});
    l.ticketSubjects = texts({u"סחורה פגומה במשלוח", u"אי התאמה בחשבונית", u"עיכוב באספקה",
                              u"חוסר בסחורה", u"תקלה במקרר תצוגה", u"בקשה להחזרת סחורה"});
    l.ticketDescriptions = texts(
        {u"שני קרטונים של שתייה הגיעו שבורים.", u"סכום החשבונית לא תואם את הצעת המחיר שאושרה.",
         u"ההזמנה מהשבוע שעבר עדיין לא סופקה.", u"פריט מההזמנה לא היה במשלוח.",
         u"מקרר המשקאות לא מקרר.", u"יש להחזיר מוצרים שפג תוקפם."});
    l.ticketComments
        = texts({u"דיברתי עם הלקוח, ממתינים לתמונות של הסחורה.", u"תחליף יישלח עם המשלוח הבא.",
                 u"הונפקה הודעת זיכוי.", u"טכנאי תואם ליום חמישי.", u"הלקוח אישר שהבעיה נפתרה."});
    l.visitSubjects = texts({u"ביקור שבועי", u"בדיקת מדפים ומלאי", u"הצגת מוצרים חדשים"});
    l.callSubjects = texts({u"מעקב הזמנה", u"מעקב תשלום חשבונית", u"שיחה לחידוש הסכם"});
    l.noteSubjects = texts({u"הערה", u"בקשת לקוח"});
    l.activityNotes = texts({u"הלקוח מרוצה ממגוון המשקאות.", u"ההזמנה הבאה צפויה בשבוע הבא.",
                             u"מדף החטיפים צריך סידור.", u"מנהל החנות היה בחופשה."});
    l.opportunityTitles
        = texts({u"פתיחת סניף חדש – מגוון משקאות מלא", u"הסכם אספקה שנתי למוצרי חלב",
                 u"הצטיידות בית קפה במכונות ומתכלים", u"הכנסת מוצרי טיפוח"});
    return l;
}

DemoLanguage vietnamese()
{
    DemoLanguage l;
    l.code = u"vi"_s;
    l.territory = u"VN-SGN"_s;
    l.familyNameFirst = true;
    l.namePatterns = {
        texts({u"Cửa hàng {N}", u"Tạp hóa {G}", u"Tạp hóa {X}"}),
        texts({u"Siêu thị mini {X}", u"Cửa hàng tiện lợi {X}"}),
        texts({u"Công ty TNHH Thương mại {X}", u"Đại lý bán buôn {N}",
               u"Công ty Cổ phần Phân phối {X}"}),
        texts({u"Quán cà phê {X}", u"Nhà hàng {X}", u"Tiệm bánh {X}", u"Quán phở {G}"}),
        texts({u"Chuỗi cửa hàng {X}", u"Công ty Cổ phần Bán lẻ {X}"}),
    };
    l.words = texts({u"Phú Quý",    u"Hòa Bình",   u"Thành Công", u"Minh Anh",  u"Bình An",
                     u"Phát Đạt",   u"Hưng Thịnh", u"Sao Mai",    u"Hồng Phúc", u"Tân Tiến",
                     u"Kim Long",   u"Ánh Dương",  u"Thiên Phú",  u"Ngọc Lan",  u"Hoa Sen",
                     u"Trường Sơn", u"Đại Phát",   u"Mỹ Hạnh",    u"Bảo Ngọc",  u"An Khang"});
    l.givenNames = people({u"An",    u"Bình", u"Cường", u"Dũng", u"Hà",   u"Hải",   u"Hương",
                           u"Lan",   u"Linh", u"Mai",   u"Nam",  u"Phúc", u"Quang", u"Thảo",
                           u"Trang", u"Tuấn", u"Việt",  u"Yến",  u"Hùng", u"Ngọc"});
    l.middleNames = people({u"Văn", u"Thị", u"Minh", u"Đức", u"Ngọc", u"Thanh", u"Hữu", u"Quốc"});
    l.familyNames = people({u"Nguyễn", u"Trần", u"Lê", u"Phạm", u"Hoàng", u"Huỳnh", u"Phan", u"Vũ",
                            u"Võ", u"Đặng", u"Bùi", u"Đỗ", u"Hồ", u"Ngô", u"Dương"});
    l.streets = texts({u"Nguyễn Huệ", u"Lê Lợi", u"Trần Hưng Đạo", u"Hai Bà Trưng",
                       u"Điện Biên Phủ", u"Võ Văn Tần", u"Lý Thường Kiệt", u"Nguyễn Trãi",
                       u"Cách Mạng Tháng Tám", u"Pasteur", u"Lê Duẩn", u"Bạch Đằng"});
    // Wards after the 2025 reform, which removed the district level.
    l.cities = {
        city(u"Thành phố Hồ Chí Minh", {u"7####"}, u"+84 28 #### ####",
             {u"Phường Sài Gòn", u"Phường Bến Thành", u"Phường Tân Định", u"Phường Gia Định"}),
        city(u"Hà Nội", {u"1####"}, u"+84 24 #### ####",
             {u"Phường Hoàn Kiếm", u"Phường Ba Đình", u"Phường Cầu Giấy"}),
        city(u"Đà Nẵng", {u"50###"}, u"+84 236 ### ####",
             {u"Phường Hải Châu", u"Phường Thanh Khê"}),
        city(u"Cần Thơ", {u"94###"}, u"+84 292 ### ####", {u"Phường Ninh Kiều"}),
        city(u"Hải Phòng", {u"04###"}, u"+84 225 ### ####",
             {u"Phường Hồng Bàng", u"Phường Lê Chân"}),
        city(u"Huế", {u"49###"}, u"+84 234 ### ####", {u"Phường Thuận Hóa"}),
        city(u"Nha Trang", {u"57###"}, u"+84 258 ### ####", {u"Phường Nha Trang"}),
        city(u"Biên Hòa", {u"76###"}, u"+84 251 ### ####", {u"Phường Trấn Biên"}),
    };
    l.line1Patterns = texts({u"{H} {S}", u"{H}/{U} {S}"});
    l.line2Patterns = texts({u"{D}"});
    l.mobilePatterns = texts({u"+84 90 ### ## ##", u"+84 91 ### ## ##", u"+84 98 ### ## ##"});
    l.branchPattern = u"{B} – Chi nhánh {n}"_s;
    l.emailDomain = u"example.net"_s;
    l.notes = texts({u"Giao hàng trước 10 giờ sáng", u"Nghỉ Chủ nhật",
                     u"Thanh toán chuyển khoản cuối tháng", u"Gọi trước khi giao hàng"});
    l.ticketSubjects = texts({u"Hàng bị hư hỏng khi giao", u"Sai lệch hóa đơn", u"Giao hàng chậm",
                              u"Thiếu hàng", u"Tủ mát trưng bày bị hỏng", u"Yêu cầu trả hàng"});
    l.ticketDescriptions
        = texts({u"Hai thùng nước ngọt bị vỡ khi giao hàng.",
                 u"Số tiền trên hóa đơn không khớp với báo giá đã duyệt.",
                 u"Đơn hàng tuần trước vẫn chưa được giao.",
                 u"Một mặt hàng trong đơn không có trong chuyến giao.",
                 u"Tủ mát đồ uống không lạnh.", u"Cần trả lại hàng hết hạn sử dụng."});
    l.ticketComments = texts({u"Đã liên hệ khách hàng, đang chờ ảnh hàng hóa.",
                              u"Hàng thay thế sẽ gửi theo chuyến giao tiếp theo.",
                              u"Đã xuất giấy báo có.", u"Đã hẹn kỹ thuật viên vào thứ Năm.",
                              u"Khách hàng xác nhận sự cố đã được khắc phục."});
    l.visitSubjects = texts(
        {u"Thăm định kỳ hàng tuần", u"Kiểm tra kệ hàng và tồn kho", u"Giới thiệu sản phẩm mới"});
    l.callSubjects
        = texts({u"Theo dõi đơn hàng", u"Nhắc thanh toán hóa đơn", u"Gọi điện gia hạn hợp đồng"});
    l.noteSubjects = texts({u"Ghi chú", u"Yêu cầu của khách hàng"});
    l.activityNotes
        = texts({u"Khách hàng hài lòng với chủng loại đồ uống.",
                 u"Đơn hàng tiếp theo dự kiến vào tuần sau.", u"Kệ đồ ăn vặt cần sắp xếp lại.",
                 u"Quản lý cửa hàng đang nghỉ phép."});
    l.opportunityTitles = texts(
        {u"Khai trương chi nhánh mới – đủ dòng đồ uống", u"Hợp đồng cung cấp sữa hằng năm",
         u"Trang bị máy và vật tư cho quán cà phê", u"Đưa sản phẩm chăm sóc cá nhân lên kệ"});
    return l;
}

DemoLanguage english()
{
    DemoLanguage l;
    l.code = u"en"_s;
    l.territory = u"GB-LON"_s;
    l.namePatterns = {
        texts({u"{F}'s Corner Shop", u"{X} Convenience Store", u"{X} News & Food"}),
        texts({u"{X} Supermarket", u"{X} Food Store", u"{F} & Sons Grocers"}),
        texts({u"{X} Trading Ltd", u"{F} Wholesale Ltd", u"{X} Cash & Carry"}),
        texts({u"The {X} Café", u"{X} Kitchen", u"{X} Bakery", u"The {X} Arms", u"{G}'s Deli"}),
        texts({u"{X} Retail Group plc", u"{X} Stores Ltd"}),
    };
    l.words = texts({u"Acme",     u"Riverside", u"Kingsway",  u"Crown",   u"Oakwood",
                     u"Highgate", u"Victoria",  u"Thames",    u"Albion",  u"Greenfield",
                     u"Mercia",   u"Parkside",  u"Northgate", u"Willow",  u"Primrose",
                     u"Hawthorn", u"Meadow",    u"Beacon",    u"Harbour", u"Sterling"});
    l.givenNames = people({u"James", u"Oliver", u"Amelia", u"Olivia", u"Harry", u"George", u"Emily",
                           u"Jack", u"Sophie", u"Priya", u"Mohammed", u"Aisha", u"Daniel", u"Grace",
                           u"Thomas", u"Charlotte", u"Rajesh", u"Chloe"});
    l.familyNames = people({u"Smith", u"Jones", u"Taylor", u"Brown", u"Williams", u"Wilson",
                            u"Patel", u"Khan", u"Evans", u"Thomas", u"Roberts", u"Walker",
                            u"Wright", u"Hughes", u"Green", u"Clarke", u"Shah", u"O'Brien"});
    l.streets = texts({u"High Street", u"Station Road", u"Church Lane", u"Victoria Road",
                       u"Park Avenue", u"Mill Lane", u"King Street", u"Queen's Road",
                       u"London Road", u"Green Lane", u"Manor Road", u"The Parade"});
    // Phone numbers in Ofcom's ranges reserved for drama, so no real line is ever dialled.
    l.cities = {
        city(u"London", {u"E1 #@@", u"N1 #@@", u"SE1 #@@", u"SW11 #@@", u"W2 #@@", u"NW1 #@@"},
             u"+44 20 7946 0###", {u"Shoreditch", u"Islington", u"Southwark"}),
        city(u"Manchester", {u"M1 #@@", u"M4 #@@"}, u"+44 161 496 0###", {u"Ancoats"}),
        city(u"Birmingham", {u"B1 #@@", u"B5 #@@"}, u"+44 121 496 0###", {u"Digbeth"}),
        city(u"Leeds", {u"LS1 #@@", u"LS6 #@@"}, u"+44 113 496 0###", {u"Headingley"}),
        city(u"Bristol", {u"BS1 #@@", u"BS8 #@@"}, u"+44 117 496 0###", {u"Clifton"}),
        city(u"Liverpool", {u"L1 #@@", u"L8 #@@"}, u"+44 151 496 0###", {u"Toxteth"}),
        city(u"Sheffield", {u"S1 #@@", u"S11 #@@"}, u"+44 114 496 0###", {u"Ecclesall"}),
        city(u"Nottingham", {u"NG1 #@@", u"NG7 #@@"}, u"+44 115 496 0###", {u"Lenton"}),
        city(u"Leicester", {u"LE1 #@@", u"LE2 #@@"}, u"+44 116 496 0###", {u"Belgrave"}),
        city(u"Glasgow", {u"G1 #@@", u"G12 #@@"}, u"+44 141 496 0###", {u"Partick"}),
    };
    l.line1Patterns = texts({u"{H} {S}", u"Unit {U}, {H} {S}"});
    l.line2Patterns = texts({u"{D}", u""});
    l.mobilePatterns = texts({u"+44 7700 900###"});
    l.branchPattern = u"{B} – Branch {n}"_s;
    l.emailDomain = u"example.co.uk"_s;
    l.notes = texts({u"Deliveries before 10am; loading bay at the rear.", u"Closed on Sundays.",
                     u"Pays by BACS at month end.", u"Ring the bell at the side door."});
    l.ticketSubjects
        = texts({u"Damaged goods in delivery", u"Invoice discrepancy", u"Late delivery",
                 u"Missing items", u"Display fridge repair", u"Return request"});
    l.ticketDescriptions = texts(
        {u"Two cases of soft drinks arrived broken.",
         u"The invoice total does not match the approved quote.",
         u"Last week's order has still not arrived.", u"One line of the order was not on the van.",
         u"The drinks display fridge is not cooling.", u"Out-of-date stock to be collected."});
    l.ticketComments
        = texts({u"Spoke to the customer, waiting for photos of the goods.",
                 u"Replacement goes out with the next delivery.", u"Credit note issued.",
                 u"Engineer booked for Thursday.", u"Customer confirmed the issue is fixed."});
    l.visitSubjects = texts({u"Weekly visit", u"Shelf and stock check", u"New range presentation"});
    l.callSubjects = texts({u"Order follow-up", u"Payment reminder", u"Contract renewal call"});
    l.noteSubjects = texts({u"Note", u"Customer request"});
    l.activityNotes
        = texts({u"Customer happy with the drinks range.", u"Next order expected next week.",
                 u"Snack shelf needs re-facing.", u"Store manager was on leave."});
    l.opportunityTitles = texts(
        {u"New store opening – full drinks range", u"Annual dairy supply contract",
         u"Café fit-out with machines and consumables", u"Listing of the personal care range"});
    return l;
}

} // namespace

const QList<DemoLanguage> &demoLanguages()
{
    static const QList<DemoLanguage> languages
        = {turkish(), persian(), arabic(), hebrew(), vietnamese(), english()};
    return languages;
}

QString demoNumber(qint64 n, bool persianDigits)
{
    QString text = QString::number(n);
    if (persianDigits) {
        for (QChar &c : text) {
            if (c.isDigit())
                c = QChar(char16_t(0x06F0 + (c.unicode() - u'0')));
        }
    }
    return text;
}

} // namespace karvan::demo
