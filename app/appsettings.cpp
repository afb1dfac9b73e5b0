#include "appsettings.h"

#include "formatter.h"

#include <QCryptographicHash>
#include <QJSEngine>

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

QString AppSettings::hashPin(const QString &pin) const
{
    const QByteArray salted = "karvan-kiosk:" + Formatter::instance()->asciiDigits(pin).toUtf8();
    return QString::fromLatin1(
        QCryptographicHash::hash(salted, QCryptographicHash::Sha256).toHex());
}

void AppSettings::setKioskPin(const QString &pin)
{
    m_settings.setValue(u"kiosk/pinHash"_s, hashPin(pin));
}

bool AppSettings::checkKioskPin(const QString &pin) const
{
    const QString stored = m_settings.value(u"kiosk/pinHash"_s, hashPin(u"0000"_s)).toString();
    return !pin.isEmpty() && hashPin(pin) == stored;
}

} // namespace karvan::app
