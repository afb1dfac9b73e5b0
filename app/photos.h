#pragma once

#include "devicesession.h"
#include "domain/result.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QTemporaryFile;

namespace karvan::app {

// A photo ready to travel: JPEG bytes at most MaxSide pixels on the long side.
struct EncodedPhoto
{
    QByteArray jpeg;
    QSize size;
};

// Photos of visits: scaled down (never up) to at most MaxSide pixels on the long side, keeping
// the aspect ratio, and re-encoded as JPEG at Quality. The result is at most
// AttachmentService::MaxBytes; a null image, a file that is no image, or one larger than
// MaxFileBytes or MaxPixels is an error. Files are read with their EXIF orientation applied.
class PhotoEncoder
{
public:
    static constexpr int MaxSide = 1600;
    static constexpr int Quality = 80;
    static constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;
    static constexpr qint64 MaxPixels = 100'000'000;

    static Result<EncodedPhoto> encode(const QImage &image);
    static Result<EncodedPhoto> encodeFile(const QString &path);
};

// The photo of the activity being logged (Activities page): loaded from a file the rep
// picked or the camera wrote, encoded on the store thread, shown as `preview` (a JPEG file of
// its own), and saved with the activity in ONE store transaction: the activity, its photo
// (AttachmentService, entity "activity") and their two outbox mutations, or nothing.
class ActivityPhoto : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        karvan::app::DeviceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY changed) // a photo is prepared
    Q_PROPERTY(bool busy READ busy NOTIFY changed) // encoding or saving
    Q_PROPERTY(QUrl preview READ preview NOTIFY changed) // the encoded photo, for an Image
    Q_PROPERTY(QSize size READ size NOTIFY changed) // its pixels
    Q_PROPERTY(qint64 bytes READ bytes NOTIFY changed) // its JPEG size
    Q_PROPERTY(QString error READ error NOTIFY changed) // why the last load failed
    // Whether the device may have a camera, decided without touching the multimedia backend
    // (which warns when it finds no audio or video service, offscreen and in CI): phones and
    // tablets yes; Linux desktops when a /dev/video* node exists and the platform shows windows.
    // The page then asks QtMultimedia which cameras there are.
    Q_PROPERTY(bool cameraLikely READ cameraLikely CONSTANT)

public:
    explicit ActivityPhoto(QObject *parent = nullptr);
    ~ActivityPhoto() override;

    DeviceSession *session() const { return m_session; }
    void setSession(DeviceSession *session);
    bool ready() const { return !m_photo.jpeg.isEmpty(); }
    bool busy() const { return m_busy; }
    QUrl preview() const { return m_preview; }
    QSize size() const { return m_photo.size; }
    qint64 bytes() const { return m_photo.jpeg.size(); }
    QString error() const { return m_error; }
    static bool cameraLikely();

    // Encodes the image file at `file` (a file: URL or a local path) on the store thread.
    Q_INVOKABLE void loadFile(const QUrl &file);
    Q_INVOKABLE void clear();
    // Logs the activity (as Session.logActivity) with the prepared photo, if any.
    Q_INVOKABLE void saveActivity(const QString &customerId, const QString &kind,
                                  const QString &subject, const QString &notes, int minutes);

Q_SIGNALS:
    void sessionChanged();
    void changed();
    // The photo is prepared (ok) or could not be read (error says why).
    void loaded(bool ok);
    // The activity (and its photo) are saved on the device.
    void activitySaved(const QString &activityId, bool withPhoto);

private:
    void setPhoto(const EncodedPhoto &photo, const QString &sourceName);

    QPointer<DeviceSession> m_session;
    EncodedPhoto m_photo;
    QString m_sourceName; // the picked file's name, the activity's photo_path
    std::unique_ptr<QTemporaryFile> m_previewFile;
    QUrl m_preview;
    QString m_error;
    bool m_busy = false;
    int m_generation = 0; // a load overtaken by a later load or clear() is dropped
};

} // namespace karvan::app
