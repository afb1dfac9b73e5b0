#include "appsettings.h"

#include "formatter.h"

#include <QCryptographicHash>
#include <QJSEngine>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {
AppSettings *s_settings = nullptr;
}

AppSettings::AppSettings(bool kiosk, QObject *parent)
    : QObject(parent)
    , m_kiosk(kiosk)
{
    s_settings = this;
    m_idleSeconds = m_settings.value(u"kiosk/idleSeconds"_s, 60).toInt();
}

AppSettings *AppSettings::instance()
{
    return s_settings;
}

AppSettings *AppSettings::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_settings);
    QJSEngine::setObjectOwnership(s_settings, QJSEngine::CppOwnership);
    return s_settings;
}

QString AppSettings::serverUrl() const
{
    return m_settings.value(u"sync/server"_s).toString();
}

void AppSettings::setServerUrl(const QString &url)
{
    m_settings.setValue(u"sync/server"_s, url.trimmed());
    Q_EMIT changed();
}

QString AppSettings::account() const
{
    return m_settings.value(u"sync/account"_s).toString();
}

void AppSettings::setAccount(const QString &login)
{
    m_settings.setValue(u"sync/account"_s, login.trimmed());
    Q_EMIT changed();
}

void AppSettings::setKioskIdleSeconds(int seconds)
{
    m_idleSeconds = qMax(1, seconds);
    Q_EMIT changed();
}

void AppSettings::setKioskCustomerId(const QString &id)
{
    m_kioskCustomerId = id;
    Q_EMIT changed();
}

// A PIN set on this device is stored as "SALT$HASH" with a random salt of its own; the hash
// of a device that never set one (the default 0000) has no salt.
QString AppSettings::hashPin(const QString &pin, const QByteArray &salt) const
{
    const QByteArray salted
        = "karvan-kiosk:" + salt + Formatter::instance()->asciiDigits(pin).toUtf8();
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(salted, QCryptographicHash::Sha256).toHex());
    return salt.isEmpty() ? hash : QString::fromLatin1(salt) + u'$' + hash;
}

void AppSettings::setKioskPin(const QString &pin)
{
    QByteArray salt(16, '\0');
    for (char &c : salt)
        c = "0123456789abcdef"[QRandomGenerator::system()->bounded(16)];
    m_settings.setValue(u"kiosk/pinHash"_s, hashPin(pin, salt));
    m_settings.sync();
    Q_EMIT changed();
}

bool AppSettings::checkKioskPin(const QString &pin) const
{
    const QString stored = m_settings.value(u"kiosk/pinHash"_s, hashPin(u"0000"_s)).toString();
    if (pin.isEmpty())
        return false;
    const qsizetype dollar = stored.indexOf(u'$');
    const QByteArray salt = dollar > 0 ? stored.left(dollar).toLatin1() : QByteArray();
    return hashPin(pin, salt) == stored;
}

bool AppSettings::kioskPinSet() const
{
    return m_settings.contains(u"kiosk/pinHash"_s);
}

QString AppSettings::changeKioskPin(const QString &current, const QString &pin,
                                    const QString &repeat)
{
    if (kioskPinSet() && !checkKioskPin(current))
        return tr("The current PIN is wrong");
    const QString digits = Formatter::instance()->asciiDigits(pin.trimmed());
    static const QRegularExpression pinPattern(u"^[0-9]{4,8}$"_s);
    if (!pinPattern.match(digits).hasMatch())
        return tr("The PIN must be 4 to 8 digits");
    if (Formatter::instance()->asciiDigits(repeat.trimmed()) != digits)
        return tr("The two PINs are not the same");
    setKioskPin(digits);
    return QString();
}

bool AppSettings::kioskMode() const
{
    return m_settings.value(u"kiosk/mode"_s, false).toBool();
}

QString AppSettings::startKioskMode()
{
    if (!kioskPinSet())
        return tr("Set a kiosk PIN first: it is needed to leave kiosk mode");
    if (kioskMode())
        return QString();
    m_settings.setValue(u"kiosk/mode"_s, true);
    m_settings.sync();
    Q_EMIT kioskModeChanged();
    return QString();
}

bool AppSettings::leaveKioskMode(const QString &pin)
{
    if (!checkKioskPin(pin))
        return false;
    if (kioskMode()) {
        m_settings.setValue(u"kiosk/mode"_s, false);
        m_settings.sync();
        Q_EMIT kioskModeChanged();
    }
    return true;
}

QString AppSettings::caFile() const
{
    return m_settings.value(u"sync/caFile"_s).toString();
}

void AppSettings::setCaFile(const QString &path)
{
    // A file picker gives a file:// URL; the transport wants a path.
    QString value = path.trimmed();
    if (value.startsWith(u"file:"_s))
        value = QUrl(value).toLocalFile();
    m_settings.setValue(u"sync/caFile"_s, value);
    Q_EMIT changed();
}

int AppSettings::syncIntervalMinutes() const
{
    return m_settings.value(u"sync/intervalMinutes"_s, 15).toInt();
}

void AppSettings::setSyncIntervalMinutes(int minutes)
{
    minutes = qBound(0, minutes, 24 * 60);
    if (minutes == syncIntervalMinutes())
        return;
    m_settings.setValue(u"sync/intervalMinutes"_s, minutes);
    Q_EMIT syncIntervalChanged();
    Q_EMIT changed();
}

} // namespace karvan::app
