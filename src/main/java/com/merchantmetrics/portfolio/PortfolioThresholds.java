package com.merchantmetrics.portfolio;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An account manager's own flag thresholds. */
@Entity
@Table(name = "portfolio_thresholds")
public class PortfolioThresholds extends PanacheEntityBase {

    static final BigDecimal DEFAULT_MIN_LTV_CAC = BigDecimal.valueOf(3);
    static final BigDecimal DEFAULT_MAX_CHURN_RISE_POINTS = BigDecimal.valueOf(2);
    static final int DEFAULT_MAX_DAYS_WITHOUT_UPLOAD = 14;

    @Id
    @Column(name = "user_id")
    public Long userId;

    /** A client whose LTV:CAC is below this is flagged. */
    @Column(name = "min_ltv_cac")
    public BigDecimal minLtvCac;

    /** A client whose customer churn rose by this many percentage points or more from the month before is flagged. */
    @Column(name = "max_churn_rise_points")
    public BigDecimal maxChurnRisePoints;

    /** A client without an imported upload for this many days or more is flagged. */
    @Column(name = "max_days_without_upload")
    public Integer maxDaysWithoutUpload;

    public static PortfolioThresholds forUser(long userId) {
        PortfolioThresholds saved = findById(userId);
        if (saved != null) {
            return saved;
        }
        PortfolioThresholds defaults = new PortfolioThresholds();
        defaults.userId = userId;
        defaults.minLtvCac = DEFAULT_MIN_LTV_CAC;
        defaults.maxChurnRisePoints = DEFAULT_MAX_CHURN_RISE_POINTS;
        defaults.maxDaysWithoutUpload = DEFAULT_MAX_DAYS_WITHOUT_UPLOAD;
        return defaults;
    }
}
