package org.candor.moderation;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The choices of the alert settings form, for templates as {@code {inject:alertKinds}}. */
@Named("alertKinds")
@ApplicationScoped
public class AlertChoices {

    /** An e-mail mode and the key of its label. */
    public record Mode(String name, String key) {
    }

    public List<Alerts.Kind> all() {
        return Arrays.asList(Alerts.Kind.values());
    }

    public List<Mode> modes() {
        return Arrays.stream(AlertDelivery.Mode.values()).map(m -> new Mode(m.name(), "alert_mode_" + m.name())).toList();
    }
}
