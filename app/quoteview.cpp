#include "quoteview.h"

#include "devicesession.h"
#include "formatter.h"
#include "quotepdf.h"
#include "storeworker.h"

#include "domain/ids.h"
#include "services/attachmentservice.h"
#include "services/orderservice.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/productrepository.h"

#include <QDesktopServices>
#include <QDir>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace karvan::app {

using namespace Qt::StringLiterals;

// Everything the view shows about one document, read on the store thread.
struct SavedDocumentData
{
    SalesDocument doc;
    QString customerName;
    QHash<QString, QString> productNames;
    QByteArray signaturePng;
    QString sourceQuoteNumber;
};

namespace {

QString money(const Money &m)
{
    return m.isValid() ? Formatter::instance()->money(m.minorUnits(), m.currency()) : QString();
}

Result<SavedDocumentData> readDocument(LocalStore &store, const QUuid &id)
{
    SavedDocumentData data;
    auto doc = DocumentRepository(store).get(id);
    if (!doc)
        return doc.error();
    data.doc = *doc;
    if (auto customer = CustomerRepository(store).get(doc->customerId))
        data.customerName = customer->name;
    QStringList skus;
    for (const DocumentLine &l : std::as_const(doc->lines))
        skus.append(l.sku);
    if (auto products = ProductRepository(store).findBySkus(skus)) {
        for (const Product &p : std::as_const(*products))
            data.productNames.insert(p.sku, p.name);
    }
    if (!doc->sourceQuoteId.isNull()) {
        if (auto quote = DocumentRepository(store).get(doc->sourceQuoteId))
            data.sourceQuoteNumber = quote->number;
    }
    // The newest signature; reading needs no clock.
    AttachmentService attachments(store, {}, {});
    const QString entity = doc->kind == SalesDocument::Kind::Quote ? u"quote"_s : u"order"_s;
    if (auto listed = attachments.list(entity, id)) {
        for (qsizetype i = listed->size() - 1; i >= 0; --i) {
            if (listed->at(i).kind != u"signature"_s)
                continue;
            if (auto bytes = attachments.data(listed->at(i).id))
                data.signaturePng = *bytes;
            break;
        }
    }
    return data;
}

Error storeClosed()
{
    return makeError(ErrorCode::Storage, u"store closed"_s);
}

// A file name from the quote's number (or id) that every file system takes.
QString pdfFileName(const SalesDocument &quote)
{
    QString name = quote.number.isEmpty() ? idToString(quote.id).left(8) : quote.number;
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]"_s);
    name.replace(unsafe, u"_"_s);
    return u"Quote-%1.pdf"_s.arg(name);
}

} // namespace

SavedDocumentView::SavedDocumentView(DeviceSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

QString SavedDocumentView::documentId() const
{
    return m_loaded ? idToString(m_doc.id) : QString();
}

QString SavedDocumentView::title() const
{
    if (!m_loaded)
        return {};
    const QString number = m_doc.number.isEmpty() ? tr("(pending)") : m_doc.number;
    return isQuote() ? tr("Quote %1").arg(number) : tr("Order %1").arg(number);
}

QString SavedDocumentView::status() const
{
    return m_loaded ? documentStatusName(m_doc.status) : QString();
}

QString SavedDocumentView::statusText() const
{
    return m_loaded ? DeviceSession::documentStatusLabel(m_doc.status) : QString();
}

QString SavedDocumentView::date() const
{
    return m_doc.date.isValid() ? Formatter::instance()->date(m_doc.date) : QString();
}

QString SavedDocumentView::validUntil() const
{
    return m_doc.validUntil.isValid() ? Formatter::instance()->date(m_doc.validUntil) : QString();
}

QString SavedDocumentView::net() const
{
    return money(m_doc.net);
}

QString SavedDocumentView::tax() const
{
    return money(m_doc.tax);
}

QString SavedDocumentView::total() const
{
    return money(m_doc.total);
}

QString SavedDocumentView::notConvertibleReason() const
{
    if (!m_loaded || !isQuote())
        return {};
    switch (m_doc.status) {
    case DocumentStatus::Converted:
        return tr("This quote is already converted to an order.");
    case DocumentStatus::Rejected:
        return m_doc.statusReason.isEmpty()
            ? tr("HQ rejected this quote.")
            : tr("HQ rejected this quote: %1").arg(m_doc.statusReason);
    case DocumentStatus::Cancelled:
        return tr("This quote was cancelled.");
    default:
        break;
    }
    if (m_doc.status == DocumentStatus::Expired
        || (m_doc.validUntil.isValid() && m_doc.validUntil < m_session->today()))
        return m_doc.validUntil.isValid()
            ? tr("This quote expired on %1.").arg(Formatter::instance()->date(m_doc.validUntil))
            : tr("This quote has expired.");
    if (m_doc.lines.isEmpty())
        return tr("This quote has no lines.");
    return {};
}

bool SavedDocumentView::canConvert() const
{
    return m_loaded && isQuote() && notConvertibleReason().isEmpty();
}

void SavedDocumentView::open(const QString &id)
{
    const QUuid uuid = QUuid::fromString(id);
    const quint64 request = ++m_request;
    m_actionError.clear();
    m_notice.clear();
    m_pdfPath.clear();
    Q_EMIT busyChanged();
    if (uuid.isNull()) {
        close();
        return;
    }
    m_session->post<Result<SavedDocumentData>>(
        [uuid](StoreWorker &w) {
            if (!w.store())
                return Result<SavedDocumentData>(storeClosed());
            return readDocument(*w.store(), uuid);
        },
        [this, request](Result<SavedDocumentData> r) {
            if (request != m_request)
                return; // another document was opened since
            if (!r) {
                m_loaded = false;
                Q_EMIT changed();
                finish(r.errorMessage());
                return;
            }
            apply(*r);
        });
}

void SavedDocumentView::apply(const SavedDocumentData &data)
{
    Formatter *f = Formatter::instance();
    m_doc = data.doc;
    m_customerName = data.customerName;
    m_sourceQuoteNumber = data.sourceQuoteNumber;
    m_lines.clear();
    for (const DocumentLine &l : std::as_const(m_doc.lines))
        m_lines.append(
            QVariantMap {{u"sku"_s, l.sku},
                         {u"name"_s, data.productNames.value(l.sku, l.sku)},
                         {u"quantity"_s, f->quantity(l.quantity.milli(), l.quantity.unit())},
                         {u"unitPrice"_s, money(l.unitPrice)},
                         {u"total"_s, money(l.lineTotal)}});
    m_signatureUrl = data.signaturePng.isEmpty()
        ? QString()
        : u"data:image/png;base64,"_s + QString::fromLatin1(data.signaturePng.toBase64());
    m_loaded = true;
    Q_EMIT changed();
}

void SavedDocumentView::close()
{
    ++m_request;
    m_loaded = false;
    m_doc = {};
    m_lines.clear();
    m_signatureUrl.clear();
    m_customerName.clear();
    m_actionError.clear();
    m_notice.clear();
    m_pdfPath.clear();
    Q_EMIT changed();
    Q_EMIT busyChanged();
}

void SavedDocumentView::finish(const QString &error, const QString &notice)
{
    m_busy = false;
    m_actionError = error;
    m_notice = notice;
    Q_EMIT busyChanged();
}

void SavedDocumentView::convert()
{
    if (m_busy)
        return;
    if (!canConvert()) {
        finish(notConvertibleReason());
        return;
    }
    m_busy = true;
    m_actionError.clear();
    m_notice.clear();
    Q_EMIT busyChanged();
    const QUuid quoteId = m_doc.id;
    const QDate today = m_session->today();
    const QString by = m_session->userName();
    const QString quoteName = m_doc.number.isEmpty() ? tr("(pending)") : m_doc.number;
    m_session->post<Result<SalesDocument>>(
        [quoteId, today, by](StoreWorker &w) {
            if (!w.store())
                return Result<SalesDocument>(storeClosed());
            return OrderService(*w.store()).convertQuote(quoteId, today, by);
        },
        [this, quoteName](Result<SalesDocument> r) {
            if (!r) {
                // The service's own words (English) when the view did not foresee the refusal.
                open(idToString(m_doc.id)); // the quote as the store has it now
                finish(tr("Not converted: %1").arg(r.errorMessage()));
                return;
            }
            const QString orderId = idToString(r->id);
            open(orderId);
            finish({},
                   tr("Order made from quote %1, saved on this device, waiting to sync.")
                       .arg(quoteName));
            Q_EMIT converted(orderId);
            m_session->notifyStoreChanged();
        });
}

QString SavedDocumentView::documentsFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!base.isEmpty())
        return QDir(base).filePath(u"Karvan"_s);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

void SavedDocumentView::sharePdf()
{
    if (m_busy || !m_loaded || !isQuote())
        return;
    const QString folder = documentsFolder();
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        finish(tr("Cannot create the folder %1").arg(folder));
        return;
    }
    m_busy = true;
    m_actionError.clear();
    m_notice.clear();
    Q_EMIT busyChanged();
    const QUuid quoteId = m_doc.id;
    const QString path = QDir(folder).filePath(pdfFileName(m_doc));
    m_session->post<Result<void>>(
        [quoteId, path](StoreWorker &w) {
            if (!w.store())
                return Result<void>(storeClosed());
            auto printed = print::loadQuotePrint(*w.store(), quoteId);
            if (!printed)
                return Result<void>(printed.error());
            return print::writeQuotePdf(*printed, path, u"karvan"_s);
        },
        [this, path](Result<void> r) {
            if (!r) {
                finish(tr("The PDF was not written: %1").arg(r.errorMessage()));
                return;
            }
            m_pdfPath = path;
            finish({}, tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
            Q_EMIT pdfWritten(path);
#if !defined(Q_OS_ANDROID) && !defined(Q_OS_IOS)
            // A desktop opens it in the PDF viewer; headless runs (tests, screenshots) do not.
            const QString platform = QGuiApplication::platformName();
            if (m_openAfterShare && platform != u"offscreen"_s && platform != u"minimal"_s)
                QDesktopServices::openUrl(QUrl::fromLocalFile(path));
#endif
        });
}

} // namespace karvan::app
