package org.importdesk.app.ui;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.importdesk.app.ui.service.Services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The workstation: services, session, task runner and the screens, loaded from FXML with their controllers
 * constructed here (each controller gets this object).
 */
public final class Workstation {

    public static final String BUNDLE = "org.importdesk.app.ui.messages";

    private final Services services;
    private final Session session = new Session();
    private final TaskRunner tasks = new TaskRunner();
    private final ResourceBundle bundle;
    private final Map<Screen, Parent> views = new EnumMap<>(Screen.class);
    private final Map<Screen, ScreenController> controllers = new EnumMap<>(Screen.class);
    private Consumer<String> notifier = m -> { };
    private MainController main;
    private final org.importdesk.app.ui.model.MediumViewModel mediumModel;

    public Workstation(Services services, Locale locale) {
        this.services = services;
        // no fallback to the machine's default locale: English is the base bundle, German its translation
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        this.mediumModel = new org.importdesk.app.ui.model.MediumViewModel(services.medium(), tasks);
        mediumModel.content.addListener((o, a, b) -> session.medium.set(b));
        session.teamLead.set(services.settings().isTeamLead(session.user.get()));
    }

    public org.importdesk.app.ui.model.MediumViewModel mediumModel() {
        return mediumModel;
    }

    public Services services() {
        return services;
    }

    public Session session() {
        return session;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String text(String key, Object... args) {
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
        return args.length == 0 ? pattern : java.text.MessageFormat.format(pattern, args);
    }

    /** Builds the main window's scene. */
    public Scene createScene(double width, double height) {
        FXMLLoader loader = loader("main");
        Parent root = load(loader);
        main = loader.getController();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(css("/org/importdesk/app/ui/workstation.css"));
        scene.getStylesheets().add(css("/org/importdesk/viewer/viewer.css"));
        tasks.setOnFailure(this::notifyUser);
        show(Screen.SOURCE);
        return scene;
    }

    private static String css(String path) {
        var url = Workstation.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + path);
        }
        return url.toExternalForm();
    }

    public void setNotifier(Consumer<String> notifier) {
        this.notifier = notifier;
    }

    /** Shows a message to the user (errors say what to do). Any thread. */
    public void notifyUser(String message) {
        if (Platform.isFxApplicationThread()) {
            notifier.accept(message);
        } else {
            Platform.runLater(() -> notifier.accept(message));
        }
    }

    public Parent view(Screen screen) {
        return views.computeIfAbsent(screen, s -> {
            FXMLLoader loader = loader(s.id());
            Parent p = load(loader);
            controllers.put(s, loader.getController());
            return p;
        });
    }

    public ScreenController controller(Screen screen) {
        view(screen);
        return controllers.get(screen);
    }

    /** Switches to the screen. FX thread. */
    public void show(Screen screen) {
        Parent view = view(screen);
        session.screen.set(screen);
        main.setContent(view);
        ScreenController c = controllers.get(screen);
        c.shown();
        Node focus = c.focusTarget();
        if (focus != null) {
            Platform.runLater(focus::requestFocus);
        }
    }

    private FXMLLoader loader(String name) {
        var url = Workstation.class.getResource("/org/importdesk/app/ui/" + name + ".fxml");
        if (url == null) {
            throw new IllegalStateException("missing screen " + name + ".fxml");
        }
        FXMLLoader loader = new FXMLLoader(url, bundle);
        loader.setControllerFactory(type -> {
            try {
                return type.getConstructor(Workstation.class).newInstance(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("controller " + type.getName() + " needs a (Workstation) constructor", e);
            }
        });
        return loader;
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + loader.getLocation(), e);
        }
    }

    public void close() {
        tasks.close();
        services.importer().ifPresent(i -> {
            if (i instanceof AutoCloseable c) {
                try {
                    c.close(); // the embedded archive's listener
                } catch (Exception e) {
                    // closing at exit: nothing left to tell
                }
            }
        });
    }
}
