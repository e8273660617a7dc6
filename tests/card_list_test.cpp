// The card list's layout: columns by the width there is, rows as tall as their tallest card.
#include "kiosk/widgets/card_list.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("cards go into as many columns as fit, never more than there are cards", "[card_list]")
{
    // 1810 px wide (1920 landscape less margins), 24 px gaps.
    CHECK(cardColumns(1810, 560, 24, 3, 8) == 3);
    CHECK(cardColumns(1810, 406, 24, 4, 4) == 4);
    CHECK(cardColumns(1810, 406, 24, 4, 2) == 2);
    // Portrait, 970 px: one or two.
    CHECK(cardColumns(970, 560, 24, 3, 8) == 1);
    CHECK(cardColumns(970, 406, 24, 4, 4) == 2);
    CHECK(cardColumns(100, 560, 24, 3, 8) == 1);
    CHECK(cardColumns(1810, 560, 24, 3, 0) == 1);
}

TEST_CASE("rows are filled left to right and are as tall as their tallest card", "[card_list]")
{
    const CardListLayout l = layoutCards({100, 150, 120, 80, 90}, 2, 400, 10);
    REQUIRE(l.rows.size() == 3);
    CHECK(l.rows[0].first == 0);
    CHECK(l.rows[0].count == 2);
    CHECK(l.rows[0].height == 150);
    CHECK(l.rows[1].top == 160);
    CHECK(l.rows[1].height == 120);
    CHECK(l.rows[2].first == 4);
    CHECK(l.rows[2].count == 1);
    CHECK(l.rows[2].top == 290);
    CHECK(l.contentHeight == 380);
    CHECK(layoutCards({}, 3, 400, 10).contentHeight == 0);
}
