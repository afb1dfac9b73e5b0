#pragma once

#include "domain/customer.h"
#include "domain/documents.h"
#include "domain/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUuid>

namespace karvan {

class LocalStore;

namespace print {

// Everything a printed quote shows: the quote with its lines, its customer and the product
// names of its SKUs (an unknown SKU prints without a name).
struct QuotePrint
{
    SalesDocument quote;
    Customer customer;
    QHash<QString, QString> productNames; // sku -> name
    QByteArray signaturePng; // the customer's signature (PNG), empty when the quote has none
};

// Loads a quote for printing, with the newest "signature" attachment of the quote when there
// is one; refuses an unknown id and a document that is not a quote.
Result<QuotePrint> loadQuotePrint(LocalStore &store, const QUuid &quoteId);

// `creator` names the program in the PDF's metadata ("karvan-cli", "karvan").
// Writes the quote as a one- or multi-page A4 PDF at path (replaced atomically): a header with
// the quote number (or "pending" before HQ numbers it), the customer's name and code, the
// date and validity, a table of lines (SKU, product, quantity, unit price, net, tax, total)
// and the totals, money written in the customer's language, then the customer's signature when
// the quote has one. Needs a QGuiApplication (fonts);
// an unwritable path is an error and leaves nothing behind.
Result<void> writeQuotePdf(const QuotePrint &print, const QString &path,
                           const QString &creator = QStringLiteral("karvan"));

} // namespace print
} // namespace karvan
