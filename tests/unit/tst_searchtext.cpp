#include "store/searchtext.h"

#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

class tst_SearchText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldMeets_data();
    void foldMeets();
    void foldDetails();
    void zwnjIndexForm();
    void ftsQuery_data();
    void ftsQuery();
};

void tst_SearchText::foldMeets_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    // Persian yeh/keheh vs Arabic yeh/kaf
    QTest::newRow("fa-ar yeh kaf") << u"کریمی"_s << u"كريمي"_s;
    QTest::newRow("alef maksura") << u"مصطفى"_s << u"مصطفی"_s;
    QTest::newRow("harakat") << u"مُحَمَّد"_s << u"محمد"_s;
    QTest::newRow("alef hamza above") << u"أحمد"_s << u"احمد"_s;
    QTest::newRow("alef hamza below") << u"إسلام"_s << u"اسلام"_s;
    QTest::newRow("alef madda") << u"آمنة"_s << u"امنه"_s;
    QTest::newRow("alef wasla") << u"ٱلله"_s << u"الله"_s;
    QTest::newRow("tatweel") << u"مـــحمد"_s << u"محمد"_s;
    QTest::newRow("arabic digits") << u"٠١٢٣٤٥٦٧٨٩"_s << u"0123456789"_s;
    QTest::newRow("persian digits") << u"۰۱۲۳۴۵۶۷۸۹"_s << u"0123456789"_s;
    QTest::newRow("niqqud") << u"שָׁלוֹם"_s << u"שלום"_s;
    QTest::newRow("hebrew final") << u"שלום"_s << u"שלומ"_s;
    QTest::newRow("tr İstanbul") << u"İstanbul"_s << u"istanbul"_s;
    QTest::newRow("tr ISTANBUL") << u"ISTANBUL"_s << u"istanbul"_s;
    QTest::newRow("tr Istanbul") << u"Istanbul"_s << u"istanbul"_s;
    QTest::newRow("tr ıstanbul") << u"ıstanbul"_s << u"istanbul"_s;
    QTest::newRow("tr ISPARTA ısparta") << u"ISPARTA"_s << u"ısparta"_s;
    QTest::newRow("tr Şişli") << u"Şişli"_s << u"sisli"_s;
    QTest::newRow("tr ğ ç ö ü") << u"Ğ ç Ö ü"_s << u"g c o u"_s;
    QTest::newRow("vi Nguyễn Văn") << u"Nguyễn Văn"_s << u"nguyen van"_s;
    QTest::newRow("vi Đà Nẵng") << u"Đà Nẵng"_s << u"da nang"_s;
    QTest::newRow("vi ư ơ") << u"Trường Sơn"_s << u"truong son"_s;
    QTest::newRow("en case") << u"ACME Trading"_s << u"acme trading"_s;
    QTest::newRow("zwnj joined") << u"می‌روم"_s << u"میروم"_s;
    QTest::newRow("fullwidth") << u"ＡＢＣ１２"_s << u"abc12"_s;
}

void tst_SearchText::foldMeets()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QCOMPARE(SearchText::fold(a), SearchText::fold(b));
}

void tst_SearchText::foldDetails()
{
    QCOMPARE(SearchText::fold(u"İstanbul"_s), u"istanbul"_s);
    QCOMPARE(SearchText::fold(u"Đà Nẵng"_s), u"da nang"_s);
    QCOMPARE(SearchText::fold(u"Straße"_s), u"strasse"_s);
    QCOMPARE(SearchText::fold(u"مدرسة"_s), u"مدرسه"_s);
    QCOMPARE(SearchText::fold(u"۱۲۳"_s), u"123"_s);
    QCOMPARE(SearchText::fold(QString()), QString());
    // Nothing invisible survives.
    QCOMPARE(SearchText::fold(u"a\u200Eb\u200Dc\u00AD"_s), u"abc"_s);
}

void tst_SearchText::zwnjIndexForm()
{
    const QString indexed = SearchText::indexForm(u"فروشگاه‌های بزرگ"_s);
    QVERIFY(indexed.contains(SearchText::fold(u"فروشگاههای"_s)));
    QVERIFY(indexed.contains(SearchText::fold(u"فروشگاه"_s)));
    QVERIFY(indexed.contains(SearchText::fold(u"های"_s)));
    QCOMPARE(SearchText::indexForm(u"plain"_s), u"plain"_s);
    QVERIFY(SearchText::phoneIndexForm(u"+90 532 111 22 33"_s).contains(u"905321112233"_s));
    QVERIFY(SearchText::phoneIndexForm(u"۰۹۱۲ ۳۴۵"_s).contains(u"0912345"_s));
}

void tst_SearchText::ftsQuery_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("prefix") << u"acm"_s << u"\"acm\"*"_s;
    QTest::newRow("two words") << u"Nguyễn  Văn"_s << u"\"nguyen\"* AND \"van\"*"_s;
    QTest::newRow("quotes") << u"ab\"cd"_s << u"\"ab\"* AND \"cd\"*"_s;
    QTest::newRow("operators")
        << u"a AND b OR NEAR(c)"_s
        << u"\"a\"* AND \"and\"* AND \"b\"* AND \"or\"* AND \"near\"* AND \"c\"*"_s;
    QTest::newRow("syntax only") << u"\"()*-:^+"_s << QString();
    QTest::newRow("column filter") << u"name:acme"_s << u"\"name\"* AND \"acme\"*"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("persian") << u"کریمی"_s << u"\""_s + SearchText::fold(u"كريمي"_s) + u"\"*"_s;
}

void tst_SearchText::ftsQuery()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SearchText::ftsQuery(input), expected);
}

QTEST_GUILESS_MAIN(tst_SearchText)
#include "tst_searchtext.moc"
