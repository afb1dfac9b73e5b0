#pragma once

#include <QObject>
#include <QSettings>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace karvan::app {

// Device settings the rep or the shop sets (QML singleton `AppSettings`): server, account,
// kiosk PIN and idle timeout. Kept in QSettings; the language and calendar live in Formatter.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY changed)
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY changed)
    Q_PROPERTY(bool kiosk READ kiosk CONSTANT)
    Q_PROPERTY(int kioskIdleSeconds READ kioskIdleSeconds WRITE setKioskIdleSeconds NOTIFY changed)
    Q_PROPERTY(QString kioskCustomerId READ kioskCustomerId WRITE setKioskCustomerId NOTIFY changed)

public:
    explicit AppSettings(bool kiosk, QObject *parent = nullptr);
    static AppSettings *instance();
    static AppSettings *create(QQmlEngine *, QJSEngine *);

    QString serverUrl() const;
    void setServerUrl(const QString &url);
    QString account() const;
    void setAccount(const QString &login);
    bool kiosk() const { return m_kiosk; }
    int kioskIdleSeconds() const { return m_idleSeconds; }
    void setKioskIdleSeconds(int seconds);
    QString kioskCustomerId() const { return m_kioskCustomerId; }
    void setKioskCustomerId(const QString &id);
    void setKioskPin(const QString &pin); // stored as a salted hash

    // Whether pin unlocks the kiosk. The default PIN of a fresh device is 0000.
    Q_INVOKABLE bool checkKioskPin(const QString &pin) const;

Q_SIGNALS:
    void changed();

private:
    QString hashPin(const QString &pin) const;

    QSettings m_settings;
    bool m_kiosk = false;
    int m_idleSeconds = 60;
    QString m_kioskCustomerId;
};

} // namespace karvan::app
