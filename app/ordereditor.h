#pragma once

#include "listmodels.h"
#include "quotesignature.h"
#include "quoteview.h"
#include "sessiondata.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace karvan::app {

class DeviceSession;

// The order and quote editor: lines the rep enters, checked by OrderService::check on the
// store thread after every change (prices with "why this price", totals, tax, credit and
// stock warnings), and saved by OrderService::submit. Reached from QML as Session.order.
class OrderEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("use Session.order")
    Q_PROPERTY(QString customerId READ customerId NOTIFY customerChanged)
    Q_PROPERTY(QString customerName READ customerName NOTIFY customerChanged)
    Q_PROPERTY(bool quote READ isQuote WRITE setQuote NOTIFY kindChanged)
    Q_PROPERTY(OrderLineModel *lines READ lines CONSTANT)
    Q_PROPERTY(bool checking READ checking NOTIFY checkedChanged)
    Q_PROPERTY(QString net READ net NOTIFY checkedChanged)
    Q_PROPERTY(QString tax READ tax NOTIFY checkedChanged)
    Q_PROPERTY(QString total READ total NOTIFY checkedChanged)
    Q_PROPERTY(double totalMinor READ totalMinor NOTIFY checkedChanged)
    Q_PROPERTY(QString credit READ credit NOTIFY checkedChanged) // "ok", "warn", "hold"
    Q_PROPERTY(QString creditSummary READ creditSummary NOTIFY checkedChanged)
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY checkedChanged)
    Q_PROPERTY(bool creditHold READ creditHold NOTIFY checkedChanged)
    Q_PROPERTY(bool stockShortfall READ stockShortfall NOTIFY checkedChanged)
    Q_PROPERTY(QString error READ error NOTIFY checkedChanged)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY checkedChanged)
    Q_PROPERTY(QString savedId READ savedId NOTIFY submittedChanged)
    Q_PROPERTY(bool submitting READ submitting NOTIFY submittedChanged)
    // The saved document as the store has it now: "" / HQ's number, the status ("pending_sync"
    // until HQ answered, then "confirmed", "credit_hold"...), its label and HQ's reason.
    Q_PROPERTY(QString savedNumber READ savedNumber NOTIFY savedStateChanged)
    Q_PROPERTY(QString savedStatus READ savedStatus NOTIFY savedStateChanged)
    Q_PROPERTY(QString savedStatusText READ savedStatusText NOTIFY savedStateChanged)
    Q_PROPERTY(QString savedReason READ savedReason NOTIFY savedStateChanged)
    Q_PROPERTY(bool savedPending READ savedPending NOTIFY savedStateChanged)
    // The customer's signature: drawn on the pad before submitting (optional), stored with the
    // document as a PNG attachment after it is saved; the saved one as a data: URL.
    Q_PROPERTY(bool hasSignature READ hasSignature NOTIFY signatureChanged)
    Q_PROPERTY(QString savedSignature READ savedSignature NOTIFY savedStateChanged)
    Q_PROPERTY(QString signatureError READ signatureError NOTIFY savedStateChanged)
    // A saved order or quote opened from the customer's history (quotes: convert, PDF).
    Q_PROPERTY(SavedDocumentView *view READ view CONSTANT)

public:
    explicit OrderEditor(DeviceSession *session);

    QString customerId() const;
    QString customerName() const { return m_customerName; }
    bool isQuote() const { return m_quote; }
    void setQuote(bool quote);
    OrderLineModel *lines() const { return m_lines; }
    bool checking() const { return m_checkRequest != m_checkAnswered; }
    QString net() const { return m_net; }
    QString tax() const { return m_tax; }
    QString total() const { return m_total; }
    double totalMinor() const { return double(m_totalMinor); }
    QString credit() const { return m_credit; }
    QString creditSummary() const { return m_creditSummary; }
    QStringList warnings() const { return m_warnings; }
    bool creditHold() const { return m_credit == QStringLiteral("hold"); }
    bool stockShortfall() const { return m_stockShortfall; }
    QString error() const { return m_error; }
    bool canSubmit() const;
    QString savedId() const { return m_savedId; }
    bool submitting() const { return m_submitting; }
    QString savedNumber() const { return m_savedNumber; }
    QString savedStatus() const { return m_savedStatus; }
    QString savedStatusText() const { return m_savedStatusText; }
    QString savedReason() const { return m_savedReason; }
    bool savedPending() const;
    bool hasSignature() const { return !m_signaturePng.isEmpty(); }
    QByteArray signaturePng() const { return m_signaturePng; }
    QString savedSignature() const { return m_savedSignature; }
    QString signatureError() const { return m_signatureError; }
    SavedDocumentView *view() const { return m_view; }
    // Reads the saved document again (after a sync brought HQ's answer).
    void refreshSaved();

    Q_INVOKABLE void setCustomer(const QString &id, const QString &name);
    // quantity: a decimal in any script's digits ("12", "۱۲", "2.5").
    Q_INVOKABLE void addLine(const QString &sku, const QString &unit, const QString &quantity);
    Q_INVOKABLE void setQuantity(int row, const QString &quantity);
    Q_INVOKABLE void removeLine(int row);
    Q_INVOKABLE void clear();
    Q_INVOKABLE void submit();
    // The pad's strokes ([[{x, y}, ...], ...] in a width x height pad), rendered to PNG now;
    // false (and no signature) when there is no ink or the pad has no size.
    Q_INVOKABLE bool setSignature(const QVariantList &strokes, double width, double height);
    Q_INVOKABLE void clearSignature();
    void recheck();
    void setLines(const QList<PricingRequest::Line> &lines);
    OrderDraft draft() const;

Q_SIGNALS:
    void customerChanged();
    void kindChanged();
    void checkedChanged();
    void submittedChanged();
    void submitted(const QString &documentId);
    void savedStateChanged();
    void signatureChanged();

private:
    void applyCheck(const OrderCheckData &data);
    void resetTotals();

    DeviceSession *m_session;
    OrderLineModel *m_lines;
    QUuid m_customerId;
    QString m_customerName;
    bool m_quote = false;
    QList<PricingRequest::Line> m_draftLines;
    quint64 m_checkRequest = 0;
    quint64 m_checkAnswered = 0;
    QString m_net, m_tax, m_total, m_credit, m_creditSummary, m_error, m_savedId;
    qint64 m_totalMinor = 0;
    QStringList m_warnings;
    bool m_stockShortfall = false;
    bool m_submitting = false;
    QString m_savedNumber, m_savedStatus, m_savedStatusText, m_savedReason;
    quint64 m_savedRequest = 0;
    QByteArray m_signaturePng;
    QString m_savedSignature, m_signatureError;
    SavedDocumentView *m_view;
};

} // namespace karvan::app
