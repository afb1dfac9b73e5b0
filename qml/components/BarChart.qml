import QtQuick
import QtQuick.Layouts
import QtCharts
import Karvan

// Purchases per month with Qt Charts. The month names and amounts arrive formatted by the
// app's Formatter (the language's digits, calendar and month names); the bars are each month's
// share of the best month, and the value axis names zero and the best month's amount.
// Chart contents do not follow layout mirroring, so in right-to-left languages the month axis
// runs the other way (time right to left) and the value axis stands on the right. Qt Charts
// ignores `reverse` on a bar category axis, so the months are handed over in reverse order;
// and a series' axes are not moved once attached, so a change of direction builds the chart
// anew (the Loader).
Item {
    id: root
    property var points: [] // [{label, amount, fraction}], oldest first
    Layout.fillWidth: true
    Layout.preferredHeight: 230
    implicitHeight: 230

    component PurchasesView: ChartView {
        id: chart
        property bool rightToLeft: false
        readonly property var months: rightToLeft ? root.points.slice().reverse() : root.points
        readonly property var peak: {
            let best = null
            for (const p of root.points)
                if (p.fraction > 0 && (best === null || p.fraction >= best.fraction))
                    best = p
            return best
        }
        objectName: "purchasesChart"
        antialiasing: true
        legend.visible: false
        backgroundColor: "transparent"
        backgroundRoundness: 0
        margins { left: 0; right: 0; top: 4; bottom: 0 }
        animationOptions: ChartView.NoAnimation
        Accessible.role: Accessible.Chart
        Accessible.name: qsTr("Purchases per month")

        // One month label in every `step`, from the newest month so it is always named.
        function rebuildMonthLabels() {
            // A copy: the property is re-read on every access, and shrinks while removing.
            for (const label of Array.from(monthAxis.categoriesLabels))
                monthAxis.remove(label)
            const n = chart.months.length
            const room = chart.plotArea.width > 0 ? chart.plotArea.width / Math.max(1, n) : 0
            const step = room >= 44 ? 1 : room >= 22 ? 2 : 3
            const newest = chart.rightToLeft ? 0 : n - 1
            for (let i = 0; i < n; ++i)
                if (Math.abs(i - newest) % step === 0)
                    monthAxis.append(chart.months[i].label, i)
        }
        onMonthsChanged: rebuildMonthLabels()
        onPlotAreaChanged: rebuildMonthLabels()

        function rebuildValueLabels() {
            for (const label of Array.from(valueAxis.categoriesLabels))
                valueAxis.remove(label)
            valueAxis.append(Formatter.number(0), 0)
            if (chart.peak !== null)
                valueAxis.append(chart.peak.amount, 1)
        }
        onPeakChanged: rebuildValueLabels()
        Component.onCompleted: {
            rebuildMonthLabels()
            rebuildValueLabels()
        }
        Connections {
            target: Formatter
            function onLanguageChanged() {
                chart.rebuildMonthLabels()
                chart.rebuildValueLabels()
            }
        }

        // Months as positions 0..n-1 (the bars' x): every month labelled when there is room,
        // every other or third one on a phone, so no name is cut.
        CategoryAxis {
            id: monthAxis
            min: -0.5
            max: Math.max(0, chart.months.length - 1) + 0.5
            labelsPosition: CategoryAxis.AxisLabelsPositionOnValue
            gridVisible: false
            labelsFont.family: Formatter.fontFamily
            labelsFont.pixelSize: 11
            labelsColor: Theme.muted
        }
        CategoryAxis {
            id: valueAxis
            min: 0
            max: 1.05
            labelsPosition: CategoryAxis.AxisLabelsPositionOnValue
            labelsFont.family: Formatter.fontFamily
            labelsFont.pixelSize: 10
            labelsColor: Theme.muted
            gridLineColor: Theme.divider
        }
        BarSeries {
            axisX: monthAxis
            axisY: chart.rightToLeft ? null : valueAxis
            axisYRight: chart.rightToLeft ? valueAxis : null
            barWidth: 0.7
            BarSet {
                label: qsTr("Purchases")
                color: Theme.primary
                borderColor: Theme.primary
                values: chart.months.map(p => p.fraction)
            }
        }
    }

    Loader {
        anchors.fill: parent
        sourceComponent: Formatter.rightToLeft ? rightToLeftChart : leftToRightChart
    }
    Component {
        id: leftToRightChart
        PurchasesView { rightToLeft: false }
    }
    Component {
        id: rightToLeftChart
        PurchasesView { rightToLeft: true }
    }
}
