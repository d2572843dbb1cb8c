package org.candor.subject;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Strings of the subject admin pages and subject kinds. English in {@code messages/sub_en.properties}, other
 * languages beside it. Templates use them as {@code {sub:key}}.
 */
@MessageBundle(value = "sub", locale = "en")
public interface SubMsg {

    @Message
    String admin_subjects_title();

    @Message
    String admin_subjects_intro();

    @Message
    String admin_subject_new();

    @Message
    String admin_subject_edit();

    @Message
    String admin_subject_name();

    @Message
    String admin_subject_slug();

    @Message
    String admin_subject_kind();

    @Message
    String admin_subject_description();

    @Message
    String admin_subject_image();

    @Message
    String kind_PRODUCT();

    @Message
    String kind_PLACE();

    @Message
    String kind_TOPIC();

    @Message
    String admin_subject_kind_search();

    @Message
    String admin_subject_self_serving();
}
