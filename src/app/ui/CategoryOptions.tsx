// The systems a class kind belongs to (hệ Đảng, Nhà nước, Đoàn thể…), as the options of a select.
import { useTranslation } from 'react-i18next';
import { ClassCategories } from '../../domain/entities.ts';

export function CategoryOptions() {
  const { t } = useTranslation();
  return ClassCategories.map((c) => (
    <option key={c} value={c}>
      {t(`category.${c}`)}
    </option>
  ));
}
