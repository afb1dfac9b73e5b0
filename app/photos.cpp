#include "photos.h"

#include "devicesession.h"
#include "storeworker.h"

#include "domain/ids.h"
#include "services/activityservice.h"
#include "services/attachmentservice.h"
#include "store/localstore.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryFile>

namespace karvan::app {

using namespace Qt::StringLiterals;

Result<EncodedPhoto> PhotoEncoder::encode(const QImage &image)
{
    if (image.isNull() || image.width() <= 0 || image.height() <= 0)
        return makeError(ErrorCode::InvalidArgument, ActivityPhoto::tr("The photo is empty."));
    QImage scaled = image;
    if (std::max(image.width(), image.height()) > MaxSide)
        scaled = image.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // JPEG has no alpha: flatten onto white rather than black.
    if (scaled.hasAlphaChannel()) {
        QImage flat(scaled.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter(&flat).drawImage(0, 0, scaled);
        scaled = flat;
    }
    EncodedPhoto out;
    QBuffer buffer(&out.jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(Quality);
    if (!writer.write(scaled))
        return makeError(
            ErrorCode::InvalidArgument,
            ActivityPhoto::tr("The photo could not be encoded: %1").arg(writer.errorString()));
    if (out.jpeg.size() > AttachmentService::MaxBytes)
        return makeError(ErrorCode::InvalidArgument, ActivityPhoto::tr("The photo is too large."));
    out.size = scaled.size();
    return out;
}

Result<EncodedPhoto> PhotoEncoder::encodeFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return makeError(ErrorCode::NotFound, ActivityPhoto::tr("There is no file %1.").arg(path));
    if (info.size() > MaxFileBytes)
        return makeError(ErrorCode::InvalidArgument,
                         ActivityPhoto::tr("%1 is too large for a photo.").arg(info.fileName()));
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize declared = reader.size();
    if (declared.isValid() && qint64(declared.width()) * declared.height() > MaxPixels)
        return makeError(
            ErrorCode::InvalidArgument,
            ActivityPhoto::tr("%1 has too many pixels for a photo.").arg(info.fileName()));
    // Decode at a reduced size when the format can (JPEG): less memory for a big camera file.
    if (declared.isValid() && std::max(declared.width(), declared.height()) > 2 * MaxSide
        && reader.supportsOption(QImageIOHandler::ScaledSize))
        reader.setScaledSize(declared.scaled(2 * MaxSide, 2 * MaxSide, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    if (image.isNull())
        return makeError(
            ErrorCode::InvalidArgument,
            ActivityPhoto::tr("%1 is not a picture this device can read.").arg(info.fileName()));
    return encode(image);
}

bool ActivityPhoto::cameraLikely()
{
    const QString platform = QGuiApplication::platformName();
    if (platform == u"offscreen"_s || platform == u"minimal"_s || platform.isEmpty())
        return false;
#if defined(Q_OS_ANDROID) || defined(Q_OS_IOS)
    return true;
#elif defined(Q_OS_LINUX)
    return !QDir(u"/dev"_s).entryList({u"video*"_s}, QDir::System).isEmpty();
#else
    return true;
#endif
}

ActivityPhoto::ActivityPhoto(QObject *parent)
    : QObject(parent)
{ }

ActivityPhoto::~ActivityPhoto() = default;

void ActivityPhoto::setSession(DeviceSession *session)
{
    if (m_session == session)
        return;
    m_session = session;
    Q_EMIT sessionChanged();
}

void ActivityPhoto::loadFile(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (!m_session || path.isEmpty())
        return;
    const int generation = ++m_generation;
    m_busy = true;
    m_error.clear();
    Q_EMIT changed();
    QPointer<ActivityPhoto> self(this);
    m_session->post<Result<EncodedPhoto>>(
        [path](StoreWorker &) { return PhotoEncoder::encodeFile(path); },
        [self, generation, path](Result<EncodedPhoto> r) {
            if (!self || generation != self->m_generation)
                return;
            self->m_busy = false;
            if (!r) {
                self->m_error = r.errorMessage();
                Q_EMIT self->changed();
                Q_EMIT self->loaded(false);
                return;
            }
            self->setPhoto(*r, QFileInfo(path).fileName());
            Q_EMIT self->loaded(true);
        });
}

void ActivityPhoto::setPhoto(const EncodedPhoto &photo, const QString &sourceName)
{
    m_photo = photo;
    m_sourceName = sourceName;
    // A new file each time, so an Image showing the previous preview reloads.
    auto file = std::make_unique<QTemporaryFile>(QDir::tempPath() + u"/karvan-photo-XXXXXX.jpg"_s);
    if (file->open() && file->write(photo.jpeg) == photo.jpeg.size() && file->flush()) {
        file->close();
        m_preview = QUrl::fromLocalFile(file->fileName());
        m_previewFile = std::move(file);
    } else {
        m_preview.clear();
        m_previewFile.reset();
    }
    Q_EMIT changed();
}

void ActivityPhoto::clear()
{
    ++m_generation;
    m_photo = {};
    m_sourceName.clear();
    m_preview.clear();
    m_previewFile.reset();
    m_error.clear();
    m_busy = false;
    Q_EMIT changed();
}

void ActivityPhoto::saveActivity(const QString &customerId, const QString &kind,
                                 const QString &subject, const QString &notes, int minutes)
{
    if (!m_session)
        return;
    NewActivity draft;
    draft.customerId = QUuid::fromString(customerId);
    draft.kind = kind == u"call"_s ? Activity::Kind::Call
        : kind == u"note"_s        ? Activity::Kind::Note
                                   : Activity::Kind::Visit;
    draft.subject = subject;
    draft.notes = notes;
    draft.durationMinutes = minutes;
    const QByteArray jpeg = m_photo.jpeg;
    if (!jpeg.isEmpty())
        draft.photoPath = m_sourceName.isEmpty() ? u"photo.jpg"_s : m_sourceName;
    const QString author = m_session->userName();
    m_busy = true;
    Q_EMIT changed();
    QPointer<ActivityPhoto> self(this);
    QPointer<DeviceSession> session(m_session);
    m_session->post<Result<QUuid>>(
        [draft, jpeg, author](StoreWorker &w) -> Result<QUuid> {
            QUuid id;
            // Both or neither: the services' own transactions nest as savepoints.
            auto r = w.store()->transaction([&]() -> Result<void> {
                auto activity = ActivityService(*w.store(), w.clock(), author).log(draft);
                if (!activity)
                    return activity.error();
                id = activity->id;
                if (jpeg.isEmpty())
                    return {};
                auto photo = AttachmentService(*w.store(), w.clock(), author)
                                 .add({u"activity"_s, id, u"photo"_s, u"image/jpeg"_s, jpeg});
                if (!photo)
                    return photo.error();
                return {};
            });
            if (!r)
                return r.error();
            return id;
        },
        [self, session, withPhoto = !jpeg.isEmpty()](Result<QUuid> r) {
            if (self)
                self->m_busy = false;
            if (!r) {
                if (self)
                    Q_EMIT self->changed();
                if (session)
                    Q_EMIT session->failed(r.errorMessage());
                return;
            }
            if (self) {
                self->clear();
                Q_EMIT self->activitySaved(idToString(*r), withPhoto);
            }
            if (session) {
                Q_EMIT session->saved();
                session->notifyStoreChanged();
            }
        });
}

} // namespace karvan::app
