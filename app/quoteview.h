#pragma once

#include <QObject>
#include <QString>
#include <QUuid>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "domain/documents.h"

namespace karvan::app {

class DeviceSession;
struct SavedDocumentData;

// A saved order or quote opened from Customer 360's history, read-only, with the quote's two
// actions: convert it to an order (OrderService::convertQuote on the store thread; the view
// then shows the new order) and share it as a PDF (the shared print library, written into the
// app's documents folder). Reached from QML as Session.order.view.
class SavedDocumentView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("use Session.order.view")
    Q_PROPERTY(QString documentId READ documentId NOTIFY changed)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool quote READ isQuote NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed) // "Quote Q-1001", "Order (pending)"
    Q_PROPERTY(QString customerName READ customerName NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed) // documentStatusName
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString statusReason READ statusReason NOTIFY changed)
    Q_PROPERTY(QString date READ date NOTIFY changed)
    Q_PROPERTY(QString validUntil READ validUntil NOTIFY changed)
    Q_PROPERTY(QString net READ net NOTIFY changed)
    Q_PROPERTY(QString tax READ tax NOTIFY changed)
    Q_PROPERTY(QString total READ total NOTIFY changed)
    Q_PROPERTY(
        QVariantList lines READ lines NOTIFY changed) // {sku, name, quantity, unitPrice, total}
    Q_PROPERTY(bool canConvert READ canConvert NOTIFY changed)
    // Why a quote cannot become an order (expired, converted, rejected, cancelled); "" when it
    // can, and for orders.
    Q_PROPERTY(QString notConvertibleReason READ notConvertibleReason NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString actionError READ actionError NOTIFY busyChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY busyChanged) // "Order made from quote ..."
    Q_PROPERTY(QString pdfPath READ pdfPath NOTIFY busyChanged)
    Q_PROPERTY(bool signedByCustomer READ signedByCustomer NOTIFY changed)
    Q_PROPERTY(QString signatureUrl READ signatureUrl NOTIFY changed) // data: URL of the PNG

public:
    explicit SavedDocumentView(DeviceSession *session, QObject *parent = nullptr);

    QString documentId() const;
    bool loaded() const { return m_loaded; }
    bool isQuote() const { return m_doc.kind == SalesDocument::Kind::Quote; }
    QString title() const;
    QString customerName() const { return m_customerName; }
    QString status() const;
    QString statusText() const;
    QString statusReason() const { return m_doc.statusReason; }
    QString date() const;
    QString validUntil() const;
    QString net() const;
    QString tax() const;
    QString total() const;
    QVariantList lines() const { return m_lines; }
    bool canConvert() const;
    QString notConvertibleReason() const;
    bool busy() const { return m_busy; }
    QString actionError() const { return m_actionError; }
    QString notice() const { return m_notice; }
    QString pdfPath() const { return m_pdfPath; }
    bool signedByCustomer() const { return !m_signatureUrl.isEmpty(); }
    QString signatureUrl() const { return m_signatureUrl; }

    // Loads the saved order or quote with this id (on the store thread).
    Q_INVOKABLE void open(const QString &id);
    Q_INVOKABLE void close();
    // The quote becomes an order dated today; the view then shows the order.
    Q_INVOKABLE void convert();
    // Writes the quote as a PDF into documentsFolder() and, on a desktop, opens it.
    Q_INVOKABLE void sharePdf();

    // Where shared PDFs go: <Documents>/Karvan, or the app's data folder when the system has
    // no documents folder.
    static QString documentsFolder();
    // Tests: do not hand the PDF to the desktop's viewer.
    void setOpenAfterShare(bool open) { m_openAfterShare = open; }

Q_SIGNALS:
    void changed();
    void busyChanged();
    void converted(const QString &orderId);
    void pdfWritten(const QString &path);

private:
    void apply(const SavedDocumentData &data);
    void finish(const QString &error, const QString &notice = {});

    DeviceSession *m_session;
    bool m_loaded = false;
    SalesDocument m_doc;
    QString m_customerName;
    QVariantList m_lines;
    QString m_signatureUrl;
    QString m_sourceQuoteNumber;
    bool m_busy = false;
    QString m_actionError, m_notice, m_pdfPath;
    quint64 m_request = 0;
    bool m_openAfterShare = true;
};

} // namespace karvan::app
