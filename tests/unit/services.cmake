# Unit tests of core/services
karvan_add_test(tst_orderservice SOURCES tst_orderservice.cpp LABELS unit)
karvan_add_test(tst_customerservice SOURCES tst_customerservice.cpp servicefixture.h
                LIBS karvan_sync LABELS unit)
karvan_add_test(tst_ticketservice SOURCES tst_ticketservice.cpp servicefixture.h
                LIBS karvan_sync LABELS unit)
karvan_add_test(tst_conflictreview SOURCES tst_conflictreview.cpp servicefixture.h
                LIBS karvan_sync LABELS unit)
find_package(Qt6 REQUIRED COMPONENTS Gui)
karvan_add_test(tst_attachmentservice SOURCES tst_attachmentservice.cpp servicefixture.h
                LIBS karvan_sync Qt6::Gui LABELS unit)
