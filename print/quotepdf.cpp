#include "quotepdf.h"

#include "domain/ids.h"
#include "services/attachmentservice.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/localstore.h"
#include "store/productrepository.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace karvan::print {

using namespace Qt::StringLiterals;

namespace {

// Money in the customer's language, exactly (no floating point): grouped whole part, the
// locale's decimal point, the minor digits, then the currency code.
QString moneyText(const QLocale &locale, const Money &m)
{
    if (!m.isValid())
        return {};
    const qint64 minor = m.minorUnits();
    const int digits = m.minorDigits();
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const bool negative = minor < 0;
    // Negate in unsigned arithmetic so the most negative value does not overflow.
    const quint64 magnitude = negative ? 0 - quint64(minor) : quint64(minor);
    QString text = locale.toString(qulonglong(magnitude / quint64(scale)));
    if (digits > 0)
        text += locale.decimalPoint()
            + u"%1"_s.arg(qulonglong(magnitude % quint64(scale)), digits, 10, QChar(u'0'));
    if (negative)
        text.prepend(locale.negativeSign());
    return text + u' ' + m.currency();
}

QString quantityText(const QLocale &locale, const Quantity &q)
{
    const qint64 milli = q.milli();
    QString text = locale.toString(qlonglong(milli / 1000));
    if (const qint64 frac = qAbs(milli % 1000); frac != 0) {
        QString f = u"%1"_s.arg(qlonglong(frac), 3, 10, QChar(u'0'));
        while (f.endsWith(u'0'))
            f.chop(1);
        text += locale.decimalPoint() + f;
    }
    return text + u' ' + q.unit();
}

struct Column
{
    QString title;
    qreal width; // points
    Qt::Alignment align;
};

} // namespace

Result<QuotePrint> loadQuotePrint(LocalStore &store, const QUuid &quoteId)
{
    auto quote = DocumentRepository(store).get(quoteId);
    if (!quote) {
        if (quote.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             u"no quote with id %1 on this device"_s.arg(idToString(quoteId)));
        return quote.error();
    }
    if (quote->kind != SalesDocument::Kind::Quote)
        return makeError(ErrorCode::InvalidArgument,
                         u"%1 is an order, not a quote"_s.arg(
                             quote->number.isEmpty() ? idToString(quoteId) : quote->number));
    auto customer = CustomerRepository(store).get(quote->customerId);
    if (!customer)
        return customer.error();
    QuotePrint print {*quote, *customer, {}, {}};
    QStringList skus;
    for (const DocumentLine &l : std::as_const(quote->lines))
        skus.append(l.sku);
    auto products = ProductRepository(store).findBySkus(skus);
    if (!products)
        return products.error();
    for (const Product &p : std::as_const(*products))
        print.productNames.insert(p.sku, p.name);
    // Reading needs no clock: list() and data() write nothing.
    AttachmentService attachments(store, {}, {});
    auto listed = attachments.list(u"quote"_s, quoteId);
    if (!listed)
        return listed.error();
    for (qsizetype i = listed->size() - 1; i >= 0; --i) {
        const AttachmentInfo &a = listed->at(i);
        if (a.kind != u"signature"_s || a.mime != u"image/png"_s)
            continue;
        auto bytes = attachments.data(a.id);
        if (!bytes)
            return bytes.error();
        print.signaturePng = *bytes;
        break;
    }
    return print;
}

Result<void> writeQuotePdf(const QuotePrint &print, const QString &path, const QString &creator)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(ErrorCode::Conflict, u"writing a PDF needs a QGuiApplication"_s);
    const SalesDocument &q = print.quote;
    const QString number = q.number.isEmpty() ? u"pending"_s : q.number;
    const QLocale locale = print.customer.language.isEmpty() ? QLocale(QLocale::English)
                                                             : QLocale(print.customer.language);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Storage,
                         u"cannot write %1: %2"_s.arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setResolution(72); // one unit is one point
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(40, 40, 40, 40), QPageLayout::Point));
        writer.setTitle(u"Quote %1 - %2"_s.arg(number, print.customer.name));
        writer.setCreator(creator);
        QPainter painter;
        if (!painter.begin(&writer))
            return makeError(ErrorCode::Storage, u"cannot start a PDF at %1"_s.arg(path));

        const QRectF page = writer.pageLayout().paintRect(QPageLayout::Point);
        const qreal width = page.width();
        const qreal bottom = page.height();
        QFont body(u"DejaVu Sans"_s);
        body.setPointSizeF(8.5);
        QFont bold = body;
        bold.setBold(true);
        QFont title = bold;
        title.setPointSizeF(16);
        const qreal rowHeight = QFontMetricsF(body).height() + 4;

        // The table's cells first, so every column but the product name is as wide as its
        // widest cell; the product name takes what is left (elided when longer).
        QList<QStringList> rows;
        for (const DocumentLine &l : q.lines)
            rows.append({l.sku, print.productNames.value(l.sku), quantityText(locale, l.quantity),
                         moneyText(locale, l.unitPrice), moneyText(locale, l.lineNet),
                         moneyText(locale, l.lineTax), moneyText(locale, l.lineTotal)});
        QList<Column> columns {
            {u"SKU"_s, 0, Qt::AlignLeft},       {u"Product"_s, 0, Qt::AlignLeft},
            {u"Quantity"_s, 0, Qt::AlignRight}, {u"Unit price"_s, 0, Qt::AlignRight},
            {u"Net"_s, 0, Qt::AlignRight},      {u"Tax"_s, 0, Qt::AlignRight},
            {u"Total"_s, 0, Qt::AlignRight}};
        constexpr qsizetype ProductColumn = 1;
        qreal fixed = 0;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i == ProductColumn)
                continue;
            qreal w = QFontMetricsF(bold).horizontalAdvance(columns.at(i).title);
            for (const QStringList &row : std::as_const(rows))
                w = qMax(w, QFontMetricsF(body).horizontalAdvance(row.at(i)));
            columns[i].width = w + 8;
            fixed += columns.at(i).width;
        }
        columns[ProductColumn].width = qMax<qreal>(60, width - fixed);
        qreal y = 0;
        const auto drawRow = [&](const QStringList &cells, const QFont &font) {
            painter.setFont(font);
            const QFontMetricsF metrics(font);
            qreal x = 0;
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const Column &c = columns.at(i);
                const QRectF cell(x + 2, y, c.width - 4, rowHeight);
                painter.drawText(cell, c.align | Qt::AlignVCenter,
                                 metrics.elidedText(cells.value(i), Qt::ElideRight, cell.width()));
                x += c.width;
            }
            y += rowHeight;
        };
        const auto drawTableHead = [&]() {
            drawRow(
                [&] {
                    QStringList titles;
                    for (const Column &c : columns)
                        titles.append(c.title);
                    return titles;
                }(),
                bold);
            painter.drawLine(QPointF(0, y), QPointF(width, y));
            y += 2;
        };

        // Header.
        painter.setFont(title);
        painter.drawText(QRectF(0, y, width, 24), Qt::AlignLeft | Qt::AlignVCenter,
                         u"Quote %1"_s.arg(number));
        y += 30;
        painter.setFont(body);
        const QStringList header {
            u"Customer: %1%2"_s.arg(
                print.customer.name,
                print.customer.code.isEmpty() ? QString() : u" (%1)"_s.arg(print.customer.code)),
            u"Date: %1    Valid until: %2"_s.arg(
                locale.toString(q.date, QLocale::ShortFormat),
                q.validUntil.isValid() ? locale.toString(q.validUntil, QLocale::ShortFormat)
                                       : u"-"_s),
            u"Status: %1    Currency: %2"_s.arg(documentStatusName(q.status), q.currency)};
        for (const QString &line : header) {
            painter.drawText(QRectF(0, y, width, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             line);
            y += rowHeight;
        }
        y += 12;

        drawTableHead();
        for (const QStringList &row : std::as_const(rows)) {
            if (y + rowHeight > bottom) {
                writer.newPage();
                y = 0;
                drawTableHead();
            }
            drawRow(row, body);
        }
        if (y + 4 * rowHeight > bottom) {
            writer.newPage();
            y = 0;
        }
        painter.drawLine(QPointF(0, y + 2), QPointF(width, y + 2));
        y += 6;
        const QList<std::pair<QString, Money>> totals {
            {u"Net"_s, q.net}, {u"Tax"_s, q.tax}, {u"Total"_s, q.total}};
        for (const auto &[label, amount] : totals) {
            painter.setFont(label == u"Total"_s ? bold : body);
            painter.drawText(QRectF(width - 250, y, 120, rowHeight),
                             Qt::AlignRight | Qt::AlignVCenter, label);
            painter.drawText(QRectF(width - 130, y, 128, rowHeight),
                             Qt::AlignRight | Qt::AlignVCenter, moneyText(locale, amount));
            y += rowHeight;
        }
        // The customer's signature under the totals, at most 200 x 80 points.
        if (QImage signature; !print.signaturePng.isEmpty()
            && signature.loadFromData(print.signaturePng, "PNG") && !signature.isNull()) {
            const QSizeF box
                = QSizeF(signature.size()).scaled(QSizeF(200, 80), Qt::KeepAspectRatio);
            if (y + 24 + box.height() + rowHeight > bottom) {
                writer.newPage();
                y = 0;
            }
            y += 24;
            painter.setFont(body);
            painter.drawText(QRectF(0, y, width, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             u"Customer's signature"_s);
            y += rowHeight;
            painter.drawImage(QRectF(QPointF(0, y), box), signature);
            y += box.height();
            painter.drawLine(QPointF(0, y + 2), QPointF(box.width(), y + 2));
        }
        if (!painter.end())
            return makeError(ErrorCode::Storage, u"cannot finish the PDF at %1"_s.arg(path));
    }
    if (!file.commit())
        return makeError(ErrorCode::Storage,
                         u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

} // namespace karvan::print
