#pragma once

#include <QObject>
#include <QSettings>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace karvan::app {

// Device settings the rep or the shop sets (QML singleton `AppSettings`): server, account, the
// server's CA file, automatic sync, kiosk PIN, kiosk mode and idle timeout. Kept in QSettings;
// the language and calendar live in Formatter.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY changed)
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY changed)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY changed)
    // Automatic sync every N minutes while signed in; 0 = off (default 15).
    Q_PROPERTY(int syncIntervalMinutes READ syncIntervalMinutes WRITE setSyncIntervalMinutes NOTIFY
                   syncIntervalChanged)
    Q_PROPERTY(bool kiosk READ kiosk CONSTANT) // started as `karvan --kiosk`
    // Kiosk mode started from Settings: kept across restarts, left only with the PIN.
    Q_PROPERTY(bool kioskMode READ kioskMode NOTIFY kioskModeChanged)
    Q_PROPERTY(bool kioskPinSet READ kioskPinSet NOTIFY changed)
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
    QString caFile() const;
    void setCaFile(const QString &path);
    int syncIntervalMinutes() const;
    void setSyncIntervalMinutes(int minutes);
    bool kiosk() const { return m_kiosk; }
    bool kioskMode() const;
    bool kioskPinSet() const;
    int kioskIdleSeconds() const { return m_idleSeconds; }
    void setKioskIdleSeconds(int seconds);
    QString kioskCustomerId() const { return m_kioskCustomerId; }
    void setKioskCustomerId(const QString &id);
    void setKioskPin(const QString &pin); // stored as a salted hash

    // Whether pin unlocks the kiosk. The default PIN of a fresh device is 0000.
    Q_INVOKABLE bool checkKioskPin(const QString &pin) const;
    // Sets or changes the kiosk PIN: 4 to 8 digits (any script), entered twice; changing a
    // PIN that was set needs the current one. "" when done, else the reason (translated).
    Q_INVOKABLE QString changeKioskPin(const QString &current, const QString &pin,
                                       const QString &repeat);
    // Starts kiosk mode (needs a PIN set here first): "" when started, else the reason.
    Q_INVOKABLE QString startKioskMode();
    // Leaves kiosk mode with the PIN; false (and nothing changes) on a wrong PIN.
    Q_INVOKABLE bool leaveKioskMode(const QString &pin);

Q_SIGNALS:
    void changed();
    void syncIntervalChanged();
    void kioskModeChanged();

private:
    QString hashPin(const QString &pin, const QByteArray &salt = {}) const;

    QSettings m_settings;
    bool m_kiosk = false;
    int m_idleSeconds = 60;
    QString m_kioskCustomerId;
};

} // namespace karvan::app
