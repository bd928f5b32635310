package org.popcorn.plugins.charity;

import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.testkit.PluginTestKit;

/**
 * What most charity tests start from, on a started kit: Chengdu and Wuhan (cities 1 and 2, those of
 * {@link CharityExtensionTest#campaignForm()}), an admin, an organiser of Chengdu, and a campaign over both cities
 * created by the admin (who is acting when this returns).
 */
record CharityFixture(long chengdu, long wuhan, long admin, long org, long campaign) {

    static CharityFixture of(PluginTestKit kit, CharityResource api) {
        long chengdu = kit.addCity("Chengdu", "CN", "Asia/Shanghai");
        long wuhan = kit.addCity("Wuhan", "CN", "Asia/Shanghai");
        long admin = kit.addMember("ada");
        kit.makeAdmin(admin);
        long org = kit.addMember("olga");
        kit.makeOrganiser(org, chengdu);
        kit.actAs(admin);
        long campaign = ((Campaign) api.createCampaign(CharityExtensionTest.campaignForm()).getEntity()).id();
        return new CharityFixture(chengdu, wuhan, admin, org, campaign);
    }
}
