import './base.css';
import './foryou.css';
