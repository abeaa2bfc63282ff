package org.importdesk.engine.imaging;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A preview or network input, or the reason there is none ("no preview: JPEG-LS ..."). The imaging API returns
 * these instead of throwing, so a series without a preview stays importable.
 */
public final class ImageResult<T> {
    private final T value;
    private final String reason;

    private ImageResult(T value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    public static <T> ImageResult<T> of(T value) {
        return new ImageResult<>(Objects.requireNonNull(value), "");
    }

    public static <T> ImageResult<T> none(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a missing image needs a reason");
        }
        return new ImageResult<>(null, reason);
    }

    public boolean present() {
        return value != null;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** The value; throws {@link IllegalStateException} with the reason when there is none. */
    public T get() {
        if (value == null) {
            throw new IllegalStateException(reason);
        }
        return value;
    }

    /** Empty when present. */
    public String reason() {
        return reason;
    }

    public <U> ImageResult<U> map(Function<? super T, ? extends U> f) {
        return value == null ? new ImageResult<>(null, reason) : ImageResult.of(f.apply(value));
    }

    @Override
    public String toString() {
        return value == null ? "ImageResult[" + reason + "]" : "ImageResult[" + value + "]";
    }
}
