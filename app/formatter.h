#pragma once

#include <QCalendar>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;
class QTranslator;

namespace karvan::app {

// The app's language, calendar and number formats: every number, amount and date the UI shows
// goes through here (QLocale + QCalendar), because JavaScript's Date and Number know neither
// Jalali/Hijri calendars nor Persian/Arabic-Indic digits. One instance per process, exposed to
// QML as the singleton `Formatter`.
class Formatter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString calendar READ calendarName WRITE setCalendarName NOTIFY calendarChanged)
    Q_PROPERTY(bool rightToLeft READ rightToLeft NOTIFY languageChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
    Q_PROPERTY(QString fontFamily READ fontFamily NOTIFY languageChanged)

public:
    ~Formatter() override;

    static Formatter *instance(); // the process-wide one; created on first use
    // QML's singleton is that same instance. The constructor is private: Qt 6.4 constructs a
    // default-constructible QML_SINGLETON itself instead of calling create(), which gave QML
    // a second Formatter whose language never followed the app's (Settings showed English).
    static Formatter *create(QQmlEngine *engine, QJSEngine *);

    // The engines to retranslate on a language switch.
    void attachEngine(QQmlEngine *engine);

    QString language() const { return m_language; }
    void setLanguage(const QString &code);
    QString calendarName() const { return m_calendarName; }
    void setCalendarName(const QString &name); // "gregorian", "jalali", "hijri"
    bool rightToLeft() const;
    QStringList languages() const;
    QString fontFamily() const;
    QLocale locale() const { return m_locale; }

    Q_INVOKABLE QString languageName(const QString &code) const;
    Q_INVOKABLE QString number(qint64 value) const;
    Q_INVOKABLE QString decimal(double value, int digits) const;
    // minor units + ISO 4217 code -> "۱٬۲۳۴٫۵۰ US$" / "$1,234.50"
    Q_INVOKABLE QString money(qint64 minor, const QString &currency) const;
    // thousandths of a unit + unit -> "2.5 kg"
    Q_INVOKABLE QString quantity(qint64 milli, const QString &unit) const;
    Q_INVOKABLE QString percent(int basisPoints) const;
    Q_INVOKABLE QString date(const QDate &date) const;
    Q_INVOKABLE QString dateTime(const QDateTime &at) const;
    Q_INVOKABLE QString isoDate(const QString &iso) const; // ISO-8601 date or date-time
    Q_INVOKABLE QString monthLabel(const QDate &firstOfMonth) const; // "Aban" / "Nov"
    // Typed digits in any script -> ASCII, so quantity fields accept "۱۲" and "١٢".
    Q_INVOKABLE QString asciiDigits(const QString &text) const;

    QString money(qint64 minor, const QString &currency, int digits) const;

Q_SIGNALS:
    void languageChanged();
    void calendarChanged();

private:
    explicit Formatter(QObject *parent = nullptr);
    QCalendar calendar() const;
    QString localDigits(QString text) const;

    QString m_language = QStringLiteral("en");
    QString m_calendarName = QStringLiteral("gregorian");
    QLocale m_locale;
    std::unique_ptr<QTranslator> m_translator;
    QList<QQmlEngine *> m_engines;
};

} // namespace karvan::app
