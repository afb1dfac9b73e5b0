#include "formatter.h"

#include "domain/money.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QTranslator>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

Formatter *s_instance = nullptr;

struct LanguageInfo
{
    QString code;
    QString localeName; // the QLocale behind it: digits, separators, month names
    QString nativeName;
};

const QList<LanguageInfo> &languageTable()
{
    // ar_EG: Arabic-Indic digits (ar_AE would give Latin digits).
    static const QList<LanguageInfo> table {
        {u"en"_s, u"en_US"_s, u"English"_s}, {u"fa"_s, u"fa_IR"_s, u"فارسی"_s},
        {u"ar"_s, u"ar_EG"_s, u"العربية"_s}, {u"he"_s, u"he_IL"_s, u"עברית"_s},
        {u"tr"_s, u"tr_TR"_s, u"Türkçe"_s},  {u"vi"_s, u"vi_VN"_s, u"Tiếng Việt"_s},
    };
    return table;
}

QString currencySymbol(const QString &code)
{
    static const QHash<QString, QString> symbols {
        {u"USD"_s, u"$"_s}, {u"EUR"_s, u"€"_s}, {u"GBP"_s, u"£"_s},
        {u"TRY"_s, u"₺"_s}, {u"ILS"_s, u"₪"_s}, {u"VND"_s, u"₫"_s},
    };
    return symbols.value(code, code);
}

} // namespace

Formatter::Formatter(QObject *parent)
    : QObject(parent)
    , m_locale(u"en_US"_s)
{ }

Formatter::~Formatter()
{
    if (m_translator && QCoreApplication::instance())
        QCoreApplication::removeTranslator(m_translator.get());
    if (s_instance == this)
        s_instance = nullptr;
}

Formatter *Formatter::instance()
{
    if (!s_instance)
        s_instance = new Formatter(qApp);
    return s_instance;
}

Formatter *Formatter::create(QQmlEngine *engine, QJSEngine *)
{
    Formatter *f = instance();
    QJSEngine::setObjectOwnership(f, QJSEngine::CppOwnership);
    f->attachEngine(engine);
    return f;
}

void Formatter::attachEngine(QQmlEngine *engine)
{
    if (!engine || m_engines.contains(engine))
        return;
    m_engines.append(engine);
    connect(engine, &QObject::destroyed, this, [this, engine] { m_engines.removeAll(engine); });
}

QStringList Formatter::languages() const
{
    QStringList out;
    for (const auto &l : languageTable())
        out.append(l.code);
    return out;
}

QString Formatter::languageName(const QString &code) const
{
    for (const auto &l : languageTable()) {
        if (l.code == code)
            return l.nativeName;
    }
    return code;
}

void Formatter::setLanguage(const QString &code)
{
    const auto &table = languageTable();
    auto it = std::find_if(table.begin(), table.end(),
                           [&](const LanguageInfo &l) { return l.code == code; });
    if (it == table.end() || (code == m_language && m_translator))
        return;
    m_language = code;
    m_locale = QLocale(it->localeName);
    QLocale::setDefault(m_locale);

    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::make_unique<QTranslator>();
    // karvan_en.qm holds the source strings; loading it keeps every language on one path.
    if (m_translator->load(u":/i18n/karvan_"_s + code + u".qm"_s))
        QCoreApplication::installTranslator(m_translator.get());

    // Persian reads dates in the solar hijri (Jalali) calendar; others start Gregorian and may
    // switch (Arabic to Hijri) in Settings.
    m_calendarName = code == u"fa"_s ? u"jalali"_s : u"gregorian"_s;

    QGuiApplication::setLayoutDirection(rightToLeft() ? Qt::RightToLeft : Qt::LeftToRight);
    QFont font = QGuiApplication::font();
    font.setFamilies({fontFamily(), u"Noto Sans"_s, u"Noto Sans Arabic"_s, u"Noto Sans Hebrew"_s});
    QGuiApplication::setFont(font);

    for (QQmlEngine *engine : std::as_const(m_engines))
        engine->retranslate();
    Q_EMIT calendarChanged();
    Q_EMIT languageChanged();
}

void Formatter::setCalendarName(const QString &name)
{
    if (name == m_calendarName)
        return;
    if (name != u"gregorian"_s && name != u"jalali"_s && name != u"hijri"_s)
        return;
    m_calendarName = name;
    Q_EMIT calendarChanged();
}

bool Formatter::rightToLeft() const
{
    return m_language == u"fa"_s || m_language == u"ar"_s || m_language == u"he"_s;
}

QString Formatter::fontFamily() const
{
    // Noto Sans covers Latin incl. Vietnamese and Turkish; the script fonts come first for
    // RTL languages so their digits and punctuation match the text around them.
    if (m_language == u"fa"_s || m_language == u"ar"_s)
        return u"Noto Sans Arabic"_s;
    if (m_language == u"he"_s)
        return u"Noto Sans Hebrew"_s;
    return u"Noto Sans"_s;
}

QCalendar Formatter::calendar() const
{
    if (m_calendarName == u"jalali"_s)
        return QCalendar(QCalendar::System::Jalali);
    if (m_calendarName == u"hijri"_s)
        return QCalendar(QCalendar::System::IslamicCivil);
    return QCalendar(QCalendar::System::Gregorian);
}

// Qt 6.4 formats a lone zero as ASCII "0" even where the locale has its own digits (ar, fa).
QString Formatter::localDigits(QString text) const
{
    const QString zero = m_locale.zeroDigit();
    if (zero == u"0"_s || zero.size() != 1)
        return text;
    for (QChar &c : text) {
        if (c >= u'0' && c <= u'9')
            c = QChar(zero.at(0).unicode() + (c.unicode() - u'0'));
    }
    return text;
}

QString Formatter::number(qint64 value) const
{
    return localDigits(m_locale.toString(value));
}

QString Formatter::decimal(double value, int digits) const
{
    return m_locale.toString(value, 'f', digits);
}

QString Formatter::money(qint64 minor, const QString &currency) const
{
    auto digits = Currency::minorDigits(currency);
    return money(minor, currency, digits ? *digits : 2);
}

QString Formatter::money(qint64 minor, const QString &currency, int digits) const
{
    // Exact: integer part and fraction are formatted separately, never through a double.
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(-(minor + 1)) + 1 : quint64(minor);
    QString text = localDigits(m_locale.toString(qulonglong(magnitude / quint64(scale))));
    if (digits > 0) {
        QString frac = localDigits(m_locale.toString(qulonglong(magnitude % quint64(scale))));
        while (frac.size() < digits)
            frac.prepend(m_locale.zeroDigit());
        text += m_locale.decimalPoint() + frac;
    }
    // The locale's own pattern places the symbol and sign; fill its zero with our figure.
    QString pattern = m_locale.toCurrencyString(negative ? -1 : 0, currencySymbol(currency));
    const QString placeholder = negative ? m_locale.toString(1) : m_locale.zeroDigit();
    const qsizetype at = pattern.indexOf(placeholder);
    if (at < 0)
        return text + u' ' + currency;
    pattern.replace(at, placeholder.size(), text);
    return pattern;
}

QString Formatter::quantity(qint64 milli, const QString &unit) const
{
    const bool whole = milli % 1000 == 0;
    QString n = whole ? m_locale.toString(milli / 1000)
                      : m_locale.toString(double(milli) / 1000.0, 'f', 3);
    if (!whole) {
        while (n.endsWith(m_locale.zeroDigit()))
            n.chop(1);
    }
    n = localDigits(n);
    return unit.isEmpty() ? n : n + u' ' + unit;
}

QString Formatter::percent(int basisPoints) const
{
    return m_locale.toString(double(basisPoints) / 100.0, 'f', basisPoints % 100 ? 2 : 0)
        + m_locale.percent();
}

QString Formatter::date(const QDate &date) const
{
    if (!date.isValid())
        return QString();
    return m_locale.toString(date, QLocale::ShortFormat, calendar());
}

QString Formatter::dateTime(const QDateTime &at) const
{
    if (!at.isValid())
        return QString();
    const QDateTime local = at.toLocalTime();
    return m_locale.toString(local.date(), QLocale::ShortFormat, calendar()) + u' '
        + m_locale.toString(local.time(), QLocale::ShortFormat);
}

QString Formatter::isoDate(const QString &iso) const
{
    if (iso.size() <= 10)
        return date(QDate::fromString(iso, Qt::ISODate));
    return dateTime(QDateTime::fromString(iso, Qt::ISODateWithMs));
}

QString Formatter::monthLabel(const QDate &firstOfMonth) const
{
    const QCalendar cal = calendar();
    const QCalendar::YearMonthDay ymd = cal.partsFromDate(firstOfMonth);
    return cal.monthName(m_locale, ymd.month, ymd.year, QLocale::ShortFormat);
}

QString Formatter::asciiDigits(const QString &text) const
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isDigit() && c.digitValue() >= 0)
            out.append(QChar(u'0' + c.digitValue()));
        else if (c == u'٫' || c == u',' || c == u'،')
            out.append(u'.');
        else
            out.append(c);
    }
    return out;
}

} // namespace karvan::app
