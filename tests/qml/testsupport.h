#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// What the QML tests need from C++ (context property `TestSupport`): demo customers with
// known properties, and OrderService's own answer to compare the editor's display with.
class TestSupport : public QObject
{
    Q_OBJECT

public:
    explicit TestSupport(QString storePath, QObject *parent = nullptr);

    // Adds the fixtures the tests rely on (a customer with a 1.00 USD credit limit).
    bool addFixtures();

    // {id, name}: a customer with history.
    Q_INVOKABLE QVariantMap sampleCustomer() const;
    // {id, name}: a customer every order puts on credit hold.
    Q_INVOKABLE QVariantMap holdCustomer() const { return m_holdCustomer; }
    // [{sku, unit}] of stocked products.
    Q_INVOKABLE QVariantList sampleProducts(int count) const;
    // {id, name, typed}: a customer of the given language, typed the way a user would (Persian
    // with Arabic letter forms ي/ك, Latin without accents).
    Q_INVOKABLE QVariantMap customerTypedLike(const QString &language) const;
    // OrderService::check's answer for an order: {total, totalMinor, hold, shortfall, warnings}.
    Q_INVOKABLE QVariantMap expectedOrder(const QString &customerId, const QStringList &skus,
                                          const QStringList &units,
                                          const QStringList &quantities) const;

    // Seeds an unresolved conflict on the sample customer's phone: the row holds "theirs"
    // (stamped by HQ), the rep's losing value is "mine". {id, customerId, theirs, mine}.
    Q_INVOKABLE QVariantMap seedConflict(const QString &theirs, const QString &mine) const;
    // What the store says about a conflict now: {resolution ("" | keep_theirs | reapply_mine),
    // phone (the customer's current phone), updates (pending customer updates in the outbox),
    // stamped (whether the phone's field version is newer than the seeded HQ stamp)}.
    Q_INVOKABLE QVariantMap conflictState(const QString &conflictId) const;

    // Photos (tst_activityphoto.qml): a width x height picture written next to the store as
    // name (PNG or JPEG by its suffix), returning its path; and what the store holds for an
    // activity: {photoPath, photos: [{mime, size, width, height, sha256}], mutations (pending
    // "attachment" creates for it), sha256s (of their args.data)}.
    Q_INVOKABLE QString writePicture(const QString &name, int width, int height) const;
    Q_INVOKABLE QVariantMap activityPhotos(const QString &activityId) const;

private:
    QString m_path;
    QVariantMap m_holdCustomer;
};
