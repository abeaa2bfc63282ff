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
    private Scene scene;
    /** Screens whose FXML was loaded off the FX thread at start-up, not yet shown (handed over to the FX thread). */
    private final Map<Screen, Loaded> preloaded = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.util.concurrent.CompletableFuture<Void> preloading =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    private record Loaded(Parent view, ScreenController controller) {
    }
    private final org.importdesk.app.ui.model.MediumViewModel mediumModel;

    public Workstation(Services services, Locale locale) {
        this.services = services;
        // no fallback to the machine's default locale: English is the base bundle, German its translation
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        this.mediumModel = new org.importdesk.app.ui.model.MediumViewModel(services.medium(), services.importer(), tasks);
        mediumModel.setMarksTitle(text("task.importMarks"));
        mediumModel.content.addListener((o, a, b) -> session.medium.set(b));
        // studies imported in an earlier session count as imported for "next study" too
        mediumModel.marks.addListener((javafx.collections.MapChangeListener<String, org.importdesk.app.ui.service.ImportMark>) c -> {
            if (c.wasAdded() && c.getValueAdded().state() == org.importdesk.app.ui.service.ImportMark.State.IMPORTED) {
                session.importedStudies.add(c.getKey());
            }
        });
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
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(css("/org/importdesk/app/ui/workstation.css"));
        scene.getStylesheets().add(css("/org/importdesk/viewer/viewer.css"));
        tasks.setOnFailure(this::notifyUser);
        show(Screen.SOURCE);
        preloadScreens();
        return scene;
    }

    /**
     * Loads the table screens' FXML on a background thread while the source screen is up, then warms their skins
     * and JavaFX's cell code on the FX thread in small slices (see {@link UiWarmup}), so that no screen's first
     * appearance holds the FX thread for long. Their controllers only register listeners on the workstation's
     * objects; nothing on the FX thread changes those until {@link #awaitPreload()} returned.
     */
    private void preloadScreens() {
        java.util.List<Screen> screens = java.util.List.of(Screen.MEDIUM, Screen.PATIENT, Screen.IMPORT, Screen.HISTORY);
        preloading = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (Screen s : screens) {
                FXMLLoader loader = loader(s.id());
                preloaded.put(s, new Loaded(load(loader), loader.getController()));
            }
        }, r -> {
            Thread t = new Thread(r, "screen-preload");
            t.setDaemon(true);
            t.start();
        }).whenComplete((v, e) -> {
            if (e != null) {
                // the screens load on first use instead; the cause shows up there again
                org.slf4j.LoggerFactory.getLogger(Workstation.class).warn("preloading screens failed: {}", e.toString());
            }
            Platform.runLater(() -> new UiWarmup(scene, screens.stream().map(preloaded::get)
                    .filter(java.util.Objects::nonNull).map(Loaded::view).toList()).start());
        });
    }

    /**
     * Waits until the background loading of the screens is over (usually long done by the time anyone acts). Call
     * before changing state the screens' controllers listen to.
     */
    public void awaitPreload() {
        try {
            preloading.join();
        } catch (RuntimeException e) {
            // failed preloads fall back to loading on first use
        }
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
        Parent known = views.get(screen);
        if (known != null) {
            return known;
        }
        awaitPreload();
        Loaded ready = preloaded.remove(screen);
        if (ready != null) {
            views.put(screen, ready.view());
            controllers.put(screen, ready.controller());
            return ready.view();
        }
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
