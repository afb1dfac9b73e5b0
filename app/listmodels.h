#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace karvan::app {

// The list models behind the app's ListViews. Rows arrive from the store worker already
// formatted for the current language; a row is a map keyed by role name, so each model is
// its Roles enum and roleNames() and nothing else.
class RowListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    int count() const { return int(m_rows.size()); }

    void setRows(QList<QVariantMap> rows);
    void setRow(int row, const QVariantMap &values);
    const QList<QVariantMap> &rows() const { return m_rows; }
    // One row as a map, for QML (get(i).name).
    Q_INVOKABLE QVariantMap get(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    QList<QVariantMap> m_rows;
    mutable QHash<int, QString> m_keys;
};

class CustomerListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Session")
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        CodeRole,
        CityRole,
        PhoneRole,
        CreditRole, // "ok", "warn", "hold"
        OpenTicketsRole,
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

class ProductListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Session")
public:
    enum Roles {
        SkuRole = Qt::UserRole + 1,
        NameRole,
        CategoryRole,
        BarcodeRole,
        UnitRole,
        PriceRole,
        AvailableRole, // formatted total promisable
        InStockRole, // bool
        AsOfRole,
        WarehousesRole, // list of {code, available}
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

class AlertListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Session")
public:
    enum Roles {
        KindRole = Qt::UserRole + 1, // "credit_hold", "near_limit", "overdue", "low_stock"
        TitleRole,
        DetailRole,
        CustomerIdRole,
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

class VisitListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Session")
public:
    enum Roles {
        CustomerIdRole = Qt::UserRole + 1,
        CustomerNameRole,
        SubjectRole,
        WhenRole,
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

class OutboxListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Session")
public:
    enum Roles {
        SeqRole = Qt::UserRole + 1,
        EntityRole,
        OpRole,
        StateRole, // "pending", "sent", "rejected"
        ReasonRole,
        CreatedRole,
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

class TicketListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Session")
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        SubjectRole,
        CustomerNameRole,
        StatusRole, // workflow name, e.g. "in_progress"
        PriorityRole,
        UpdatedRole,
        NextStatusesRole, // workflow names the ticket may move to
        CommentsRole, // list of {author, when, body}
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

class ConflictListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Session")
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // the conflict record's id
        EntityNameRole, // the customer's name
        FieldRole, // wire name, e.g. "phone"
        FieldLabelRole, // translated
        BaseRole, // values as display text
        TheirsRole,
        MineRole,
        DetectedRole,
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

class OrderLineModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by OrderEditor")
public:
    enum Roles {
        SkuRole = Qt::UserRole + 1,
        NameRole,
        QuantityRole, // plain decimal for the editor field: "12"
        UnitRole,
        UnitPriceRole,
        NetRole,
        TaxRole,
        TotalRole,
        StepsRole, // list of {kind, reference, price}: why this price, in order
        StockRole, // "full", "partial", "none"
        StockTextRole,
    };
    Q_ENUM(Roles)
    using RowListModel::RowListModel;
    QHash<int, QByteArray> roleNames() const override;
};

} // namespace karvan::app
